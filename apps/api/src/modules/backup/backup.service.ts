import { Injectable, Logger } from '@nestjs/common';
import type {
  BackupFileDto,
  BackupScheduleDto,
  BackupsDto,
  ImportResultDto,
  UpdateBackupScheduleRequest,
  WorkspaceExportDocument,
} from '@podium/contracts';
import { TransactionRunner } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { BackupFiles } from './backup-files';
import { BackupErrorCode, BackupException } from './backup.exception';
import { BackupRepository, type ScheduleRow } from './backup.repository';
import { WorkspaceExportService } from './workspace-export.service';

/** The upload of an import (multer, in memory). */
export interface UploadedExport {
  buffer: Buffer;
  size: number;
}

export const DEFAULT_SCHEDULE = { enabled: false, intervalHours: 1, keep: 24 } as const;

/** Export, import and backups for organizers: owners only (a backup holds everything). */
@Injectable()
export class BackupService {
  private readonly logger = new Logger(BackupService.name);

  constructor(
    private readonly access: WorkspaceAccess,
    private readonly exporter: WorkspaceExportService,
    private readonly files: BackupFiles,
    private readonly repository: BackupRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async export(actor: Actor, workspaceId: string): Promise<WorkspaceExportDocument> {
    await this.access.require(actor, workspaceId, 'owner');
    return this.exporter.export(workspaceId, { includeKofi: true });
  }

  /** Into a new workspace the actor owns. */
  importAsNew(actor: Actor, file: UploadedExport | undefined): Promise<ImportResultDto> {
    return this.exporter.import(this.read(file), { kind: 'new', ownerUserId: actor.userId });
  }

  /** Into one of the actor's workspaces, which must be empty (409 otherwise). */
  async importInto(
    actor: Actor,
    workspaceId: string,
    file: UploadedExport | undefined,
  ): Promise<ImportResultDto> {
    await this.access.require(actor, workspaceId, 'owner');
    return this.exporter.import(this.read(file), {
      kind: 'existing',
      workspaceId,
      importerUserId: actor.userId,
    });
  }

  async backups(actor: Actor, workspaceId: string): Promise<BackupsDto> {
    await this.access.require(actor, workspaceId, 'owner');
    return { schedule: await this.scheduleOf(workspaceId), files: await this.files.list(workspaceId) };
  }

  async updateSchedule(
    actor: Actor,
    workspaceId: string,
    request: UpdateBackupScheduleRequest,
  ): Promise<BackupScheduleDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const current = await this.scheduleOf(workspaceId);
    const row = await this.repository.saveSchedule(this.transactions.none, workspaceId, {
      enabled: request.enabled ?? current.enabled,
      intervalHours: request.intervalHours ?? current.intervalHours,
      keep: request.keep ?? current.keep,
    });
    return toScheduleDto(row);
  }

  async backupNow(actor: Actor, workspaceId: string): Promise<BackupFileDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const schedule = await this.scheduleOf(workspaceId);
    return this.writeBackup(workspaceId, schedule.keep, new Date());
  }

  async download(actor: Actor, workspaceId: string, name: string): Promise<string> {
    await this.access.require(actor, workspaceId, 'owner');
    const text = await this.files.read(workspaceId, name);
    if (text === null) throw new BackupException(BackupErrorCode.BackupNotFound, 'No such backup');
    return text;
  }

  /** Writes one backup file, prunes to `keep`, and records the outcome (errors too, then rethrows). */
  async writeBackup(workspaceId: string, keep: number, at: Date): Promise<BackupFileDto> {
    try {
      const document = await this.exporter.export(workspaceId, { includeKofi: true });
      const file = await this.files.write(workspaceId, document, at);
      const pruned = await this.files.prune(workspaceId, keep);
      await this.repository.recordOutcome(this.transactions.none, workspaceId, at, null);
      this.logger.log({ workspaceId, file: file.name, pruned: pruned.length }, 'backup written');
      return file;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.repository.recordOutcome(this.transactions.none, workspaceId, at, reason);
      this.logger.error({ workspaceId, reason }, 'backup failed');
      throw error;
    }
  }

  private read(file: UploadedExport | undefined): WorkspaceExportDocument {
    if (!file || file.size === 0) {
      throw new BackupException(BackupErrorCode.FileMissing, 'Attach the export as the form field "file"', {
        field: 'file',
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.buffer.toString('utf8'));
    } catch {
      throw new BackupException(BackupErrorCode.DocumentInvalid, 'The file is not JSON', { field: 'file' });
    }
    return this.exporter.parse(parsed);
  }

  private async scheduleOf(workspaceId: string): Promise<BackupScheduleDto> {
    const row = await this.repository.schedule(this.transactions.none, workspaceId);
    return row
      ? toScheduleDto(row)
      : { workspaceId, ...DEFAULT_SCHEDULE, lastBackupAt: null, lastError: null };
  }
}

export function toScheduleDto(row: ScheduleRow): BackupScheduleDto {
  return {
    workspaceId: row.workspace_id,
    enabled: row.enabled,
    intervalHours: row.interval_hours,
    keep: row.keep,
    lastBackupAt: row.last_backup_at ? new Date(row.last_backup_at).toISOString() : null,
    lastError: row.last_error,
  };
}
