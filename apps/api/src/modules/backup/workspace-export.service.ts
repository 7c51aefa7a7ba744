import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  type ImportResultDto,
  type ImportedMemberStatus,
  type Role,
  WORKSPACE_EXPORT_FORMAT,
  WORKSPACE_EXPORT_VERSION,
  type WorkspaceExportDocument,
  WorkspaceExportDocumentSchema,
} from '@podium/contracts';
import { newJoinCode } from '@podium/meetings';
import { TransactionRunner, type Tx } from '../../database/transaction';
import { BACKUP_TABLES } from './backup-tables';
import { BackupErrorCode, BackupException } from './backup.exception';
import { BackupRepository, type Row } from './backup.repository';

const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/giu;

export interface ExportOptions {
  /** Ko-fi settings, links and payments (e-mails): owners and the CLI only. */
  includeKofi: boolean;
}

export type ImportTarget =
  /** A new workspace; `ownerUserId` becomes its owner (null: members by e-mail, else the installation's owner). */
  | { kind: 'new'; ownerUserId: string | null }
  /** An existing workspace that must be empty (default settings rows aside). */
  | { kind: 'existing'; workspaceId: string; importerUserId: string | null };

/**
 * Writes a workspace as one JSON document and reads one back. No access checks here: callers
 * (BackupService for people, the v1 facade for tokens, the CLI as operator) decide who may.
 */
@Injectable()
export class WorkspaceExportService {
  private readonly logger = new Logger(WorkspaceExportService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: BackupRepository,
  ) {}

  /** One consistent snapshot: every table is read in one repeatable-read transaction. */
  async export(workspaceId: string, options: ExportOptions): Promise<WorkspaceExportDocument> {
    return this.transactions.run(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const workspace = await this.repository.workspace(tx, workspaceId);
      if (!workspace) throw new BackupException(BackupErrorCode.BackupNotFound, 'No such workspace');
      const tables: Record<string, Row[]> = {};
      for (const table of BACKUP_TABLES) {
        if (table.ownerOnly && !options.includeKofi) continue;
        const rows = await this.repository.exportRows(tx, table, workspaceId);
        // Ko-fi's verification token is sealed with this installation's key: it is not portable.
        tables[table.name] =
          table.name === 'kofi_settings' ? rows.map((r) => ({ ...r, verification_token: null })) : rows;
      }
      const members = await this.repository.members(tx, workspaceId);
      return {
        format: WORKSPACE_EXPORT_FORMAT,
        version: WORKSPACE_EXPORT_VERSION,
        exportedAt: new Date().toISOString(),
        schema: await this.repository.schemaVersion(tx),
        workspace: { id: workspace.id, name: workspace.name, createdAt: workspace.created_at },
        members: members.map((m) => ({
          userId: m.user_id,
          email: m.email,
          displayName: m.display_name,
          role: m.role,
          joinedAt: m.joined_at,
        })),
        includesKofi: options.includeKofi,
        tables,
      };
    });
  }

  /** Checks the outer shape; the rows themselves are checked by the database's constraints. */
  parse(input: unknown): WorkspaceExportDocument {
    const result = WorkspaceExportDocumentSchema.safeParse(input);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new BackupException(
        BackupErrorCode.DocumentInvalid,
        `Not a Podium workspace export (${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'unreadable'})`,
        { field: issue?.path.join('.') },
      );
    }
    const known = new Set(BACKUP_TABLES.map((t) => t.name));
    const unknown = Object.keys(result.data.tables).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new BackupException(
        BackupErrorCode.DocumentInvalid,
        `The export holds tables this server does not know: ${unknown.join(', ')}`,
      );
    }
    return result.data as WorkspaceExportDocument;
  }

  /** Imports in ONE transaction: all of it or nothing. */
  async import(document: WorkspaceExportDocument, target: ImportTarget): Promise<ImportResultDto> {
    try {
      return await this.transactions.run((tx) => this.importIn(tx, document, target));
    } catch (error) {
      if (error instanceof BackupException) throw error;
      const pg = error as { code?: string; constraint?: string; table?: string; message?: string };
      // Constraint and type errors mean the rows do not fit: a 422 naming the table, not a 500.
      if (typeof pg.code === 'string' && /^(22|23)/u.test(pg.code)) {
        this.logger.warn({ code: pg.code, constraint: pg.constraint, table: pg.table }, 'import refused');
        throw new BackupException(
          BackupErrorCode.DocumentRejected,
          `The export does not fit this database (${pg.table ?? 'a table'}: ${pg.constraint ?? pg.message ?? pg.code})`,
        );
      }
      throw error;
    }
  }

  private async importIn(
    tx: Tx,
    document: WorkspaceExportDocument,
    target: ImportTarget,
  ): Promise<ImportResultDto> {
    const known = await this.repository.knownMigrations(tx);
    if (document.schema !== 'none' && !known.has(document.schema)) {
      throw new BackupException(
        BackupErrorCode.DocumentInvalid,
        `The export comes from a newer Podium (schema ${document.schema}): upgrade this server first`,
      );
    }
    const sourceId = document.workspace.id;
    const viewerIds = (document.tables['viewers'] ?? []).map((r) => String(r['id']));
    const meetingIds = (document.tables['meetings'] ?? []).map((r) => String(r['id']));
    const rewardIds = (document.tables['rewards'] ?? []).map((r) => String(r['id']));
    // Ids are kept unless this database already has the workspace or rows of it (a copy).
    const keepIds = !(
      (await this.repository.workspaceExists(tx, sourceId)) ||
      (await this.repository.anyIdExists(tx, 'viewers', viewerIds)) ||
      (await this.repository.anyIdExists(tx, 'meetings', meetingIds)) ||
      (await this.repository.anyIdExists(tx, 'rewards', rewardIds))
    );

    let workspaceId: string;
    if (target.kind === 'existing') {
      workspaceId = target.workspaceId;
      const busy = await this.repository.nonEmptyTables(tx, workspaceId);
      if (busy.length > 0) {
        throw new BackupException(
          BackupErrorCode.WorkspaceNotEmpty,
          `Import needs an empty workspace; this one has ${busy.slice(0, 5).join(', ')}`,
        );
      }
      await this.repository.deleteReplaceable(tx, workspaceId);
      await this.repository.renameWorkspace(tx, workspaceId, document.workspace.name);
    } else {
      workspaceId = keepIds ? sourceId : randomUUID();
      await this.repository.insertWorkspace(
        tx,
        workspaceId,
        document.workspace.name,
        document.workspace.createdAt,
      );
    }

    const ids = new Map<string, string>();
    if (workspaceId !== sourceId) ids.set(sourceId.toLowerCase(), workspaceId);
    if (!keepIds) {
      for (const rows of Object.values(document.tables)) {
        for (const row of rows) {
          const id = row['id'];
          if (typeof id === 'string' && !ids.has(id.toLowerCase())) ids.set(id.toLowerCase(), randomUUID());
        }
      }
    }
    const tables = remapIds(document.tables, ids);

    const members = await this.importMembers(tx, document, workspaceId, target);
    const users = members.userIds;
    const columns = await this.repository.columns(tx);
    const rows: Record<string, number> = {};
    const deferred: { table: string; column: string; rows: Row[] }[] = [];
    for (const table of BACKUP_TABLES) {
      const input = tables[table.name];
      const tableColumns = columns.get(table.name);
      if (!input || input.length === 0 || !tableColumns) continue;
      // The workspace id itself was mapped with the other ids (remapIds) when it changed.
      let prepared = input.map((row) => {
        const copy: Row = { ...row };
        for (const column of table.userColumns ?? []) {
          const user = copy[column];
          if (typeof user === 'string') copy[column] = users.get(user.toLowerCase()) ?? null;
        }
        if (table.name === 'media' && typeof copy['data'] === 'string') {
          copy['data'] = `\\x${Buffer.from(copy['data'], 'base64').toString('hex')}`;
        }
        return copy;
      });
      if (table.name === 'meetings') prepared = await this.freshJoinCodes(tx, prepared, keepIds);
      if (table.name === 'kofi_settings') prepared = await this.freshWebhookKeys(tx, prepared, keepIds);
      rows[table.name] = await this.repository.insertRows(
        tx,
        table.name,
        tableColumns,
        prepared,
        table.deferred ?? [],
      );
      for (const column of table.deferred ?? []) deferred.push({ table: table.name, column, rows: prepared });
      for (const column of tableColumns.identity) await this.repository.bumpIdentity(tx, table.name, column);
    }
    await this.repository.bumpLedgerAboveCycles(tx);
    // Self and circular references once every row is in (a meeting's current question, merges).
    for (const { table, column, rows: pending } of deferred) {
      await this.repository.applyDeferred(tx, table, column, pending);
    }
    const workspace = await this.repository.workspace(tx, workspaceId);
    return {
      workspaceId,
      name: workspace?.name ?? document.workspace.name,
      idsKept: keepIds && workspaceId === sourceId,
      rows,
      members: members.report,
    };
  }

  private async importMembers(
    tx: Tx,
    document: WorkspaceExportDocument,
    workspaceId: string,
    target: ImportTarget,
  ): Promise<{ userIds: Map<string, string>; report: ImportResultDto['members'] }> {
    const local = await this.repository.usersByEmail(
      tx,
      document.members.map((m) => m.email),
    );
    const importer = target.kind === 'new' ? target.ownerUserId : target.importerUserId;
    const userIds = new Map<string, string>();
    const report: ImportResultDto['members'] = [];
    let owners = 0;
    for (const member of document.members) {
      const userId = local.get(member.email.toLowerCase());
      let status: ImportedMemberStatus = 'unknown';
      if (userId) {
        userIds.set(member.userId.toLowerCase(), userId);
        status = userId === importer ? 'importer' : 'added';
        const role: Role = userId === importer ? 'owner' : member.role;
        if (target.kind === 'new' || userId !== importer) {
          await this.repository.addMember(tx, workspaceId, userId, role, member.joinedAt);
        }
        if (role === 'owner') owners += 1;
      }
      report.push({ email: member.email, role: member.role, status });
    }
    // Someone must own the new workspace: the importer, else the installation's owner.
    if (target.kind === 'new') {
      const owner = importer ?? (owners === 0 ? await this.repository.installationOwner(tx) : null);
      if (owner) await this.repository.addMember(tx, workspaceId, owner, 'owner', null);
    }
    return { userIds, report };
  }

  /** Join codes are unique across the database: a taken one (or every one, for a copy) is redrawn. */
  private async freshJoinCodes(tx: Tx, rows: Row[], keepIds: boolean): Promise<Row[]> {
    const taken = await this.repository.takenJoinCodes(
      tx,
      rows.map((r) => String(r['join_code'])),
    );
    return rows.map((row) =>
      keepIds && !taken.has(String(row['join_code']))
        ? row
        : { ...row, join_code: newJoinCode((max: number) => randomInt(max)) },
    );
  }

  private async freshWebhookKeys(tx: Tx, rows: Row[], keepIds: boolean): Promise<Row[]> {
    const out: Row[] = [];
    for (const row of rows) {
      const taken = !keepIds || (await this.repository.kofiWebhookKeyTaken(tx, String(row['webhook_key'])));
      out.push(taken ? { ...row, webhook_key: randomBytes(24).toString('base64url') } : row);
    }
    return out;
  }
}

/** Replaces every mapped id wherever it appears: columns, arrays and JSON settings alike. */
export function remapIds(
  tables: Record<string, Row[]>,
  ids: ReadonlyMap<string, string>,
): Record<string, Row[]> {
  if (ids.size === 0) return tables;
  const text = JSON.stringify(tables).replace(UUID_ANYWHERE, (id) => ids.get(id.toLowerCase()) ?? id);
  return JSON.parse(text) as Record<string, Row[]>;
}
