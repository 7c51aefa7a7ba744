import { z } from 'zod';
import type { Role } from './roles.contract';

/** The `format` marker of a workspace export: anything else is refused on import. */
export const WORKSPACE_EXPORT_FORMAT = 'podium.workspace-export';
/** The document's layout version; bumped when a reader of the old layout could misread the new one. */
export const WORKSPACE_EXPORT_VERSION = 1;

/** A member of the exported workspace: who, by e-mail (never a password), with which role. */
export interface ExportedMemberDto {
  /** The user's id on the exporting server; rows that name a user (ledger actor…) use it. */
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  joinedAt: string;
}

/**
 * One workspace as ONE JSON document (GET /workspaces/:wid/export, `npx podium export`).
 * `tables` holds the workspace's rows per table, every column kept (ids included) in PostgreSQL's
 * own JSON rendering (timestamps to the microsecond); `media.data` is base64. docs/backup.md lists
 * the tables and what is left out (sessions, tokens, platform connections and chat history).
 */
export interface WorkspaceExportDocument {
  format: typeof WORKSPACE_EXPORT_FORMAT;
  version: typeof WORKSPACE_EXPORT_VERSION;
  /** When the document was written (ISO 8601). */
  exportedAt: string;
  /** The newest database migration of the exporting server (an import refuses unknown newer ones). */
  schema: string;
  workspace: { id: string; name: string; createdAt: string };
  members: ExportedMemberDto[];
  /** False when the exporter could not see Ko-fi data (API tokens): the kofi_* tables are absent. */
  includesKofi: boolean;
  /** Table name → its rows for this workspace, parents before children. */
  tables: Record<string, Record<string, unknown>[]>;
}

/** What the server checks of an uploaded document before importing it (rows are checked by SQL). */
export const WorkspaceExportDocumentSchema = z.object({
  format: z.literal(WORKSPACE_EXPORT_FORMAT),
  version: z.literal(WORKSPACE_EXPORT_VERSION),
  exportedAt: z.string(),
  schema: z.string(),
  workspace: z.object({ id: z.uuid(), name: z.string().min(1).max(80), createdAt: z.string() }),
  members: z.array(
    z.object({
      userId: z.uuid(),
      email: z.string().max(254),
      displayName: z.string().max(80),
      role: z.enum(['owner', 'moderator', 'viewer']),
      joinedAt: z.string(),
    }),
  ),
  includesKofi: z.boolean(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

/** What happened to an exported member on import. */
export type ImportedMemberStatus =
  /** A user with this e-mail exists here and became a member with the exported role. */
  | 'added'
  /** The importing organizer: stays owner. */
  | 'importer'
  /** No account with this e-mail here: invite them again; rows naming them keep no user. */
  | 'unknown';

/** The answer to an import (201). */
export interface ImportResultDto {
  workspaceId: string;
  name: string;
  /**
   * True when every id of the document was kept. False when the document's workspace already exists
   * in this database (a copy): every row then gets a fresh id (references follow), and meeting join
   * codes and the Ko-fi webhook URL are issued anew.
   */
  idsKept: boolean;
  /** Rows inserted per table. */
  rows: Record<string, number>;
  members: { email: string; role: Role; status: ImportedMemberStatus }[];
}

export const BACKUP_INTERVAL_HOURS_MAX = 168;
export const BACKUP_KEEP_MAX = 500;

/** A workspace's automatic backups, as its owner sees them. */
export interface BackupScheduleDto {
  workspaceId: string;
  /** Off until an owner turns it on. */
  enabled: boolean;
  /** Hours between two backups (1 = hourly, the default). */
  intervalHours: number;
  /** How many backup files to keep; older ones are deleted after each backup. */
  keep: number;
  /** When the last automatic or manual backup was written; null before the first. */
  lastBackupAt: string | null;
  /** Why the last attempt failed; null when it succeeded. */
  lastError: string | null;
}

/** PUT /workspaces/:wid/backups/schedule (owner): any subset; omitted fields keep their value. */
export const UpdateBackupScheduleRequestSchema = z.object({
  enabled: z.boolean().optional(),
  intervalHours: z.number().int().min(1).max(BACKUP_INTERVAL_HOURS_MAX).optional(),
  keep: z.number().int().min(1).max(BACKUP_KEEP_MAX).optional(),
});
export type UpdateBackupScheduleRequest = z.infer<typeof UpdateBackupScheduleRequestSchema>;

/** One backup file under DATA_DIR/backups/<workspace id>/. */
export interface BackupFileDto {
  /** `<timestamp>.json`, e.g. `2026-11-21T10-00-00-000Z.json`; download with GET …/backups/:name. */
  name: string;
  size: number;
  createdAt: string;
}

/** GET /workspaces/:wid/backups (owner): the schedule and the files on disk, newest first. */
export interface BackupsDto {
  schedule: BackupScheduleDto;
  files: BackupFileDto[];
}
