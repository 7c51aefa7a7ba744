import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type BackupFileDto,
  type BackupScheduleDto,
  type BackupsDto,
  type ImportResultDto,
  type UpdateBackupScheduleRequest,
  UpdateBackupScheduleRequestSchema,
  type WorkspaceExportDocument,
} from '@podium/contracts';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { CurrentActor } from '../../common/http/current-actor.decorator';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import type { Actor } from '../auth/auth.service';
import { RequireRole } from '../auth/workspace-role.guard';
import { BackupService, type UploadedExport } from './backup.service';

/** An export with its media can be large: multipart, up to 200 MB, held in memory while imported. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
const UPLOAD = FileInterceptor('file', {
  storage: memoryStorage(),
  limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
});

@ApiTags('backup')
@Controller()
export class BackupController {
  constructor(private readonly backups: BackupService) {}

  /** The whole workspace as one JSON file (owners). */
  @RequireRole('owner')
  @Get('workspaces/:workspaceId/export')
  @ApiProduces('application/json')
  async export(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkspaceExportDocument> {
    const document = await this.backups.export(actor, workspaceId);
    attachment(response, `podium-${workspaceId}-${document.exportedAt.replace(/[:.]/gu, '-')}.json`);
    return document;
  }

  /** Imports an export as a new workspace owned by the caller (multipart field `file`). */
  @Post('workspaces/import')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(UPLOAD)
  importAsNew(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedExport | undefined,
  ): Promise<ImportResultDto> {
    return this.backups.importAsNew(actor, file);
  }

  /** Imports into an existing, empty workspace of the caller (409 when it is not empty). */
  @RequireRole('owner')
  @Post('workspaces/:workspaceId/import')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(UPLOAD)
  importInto(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UploadedFile() file: UploadedExport | undefined,
  ): Promise<ImportResultDto> {
    return this.backups.importInto(actor, workspaceId, file);
  }

  @RequireRole('owner')
  @Get('workspaces/:workspaceId/backups')
  list(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<BackupsDto> {
    return this.backups.backups(actor, workspaceId);
  }

  @RequireRole('owner')
  @Put('workspaces/:workspaceId/backups/schedule')
  updateSchedule(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: UpdateBackupScheduleRequestSchema }) body: UpdateBackupScheduleRequest,
  ): Promise<BackupScheduleDto> {
    return this.backups.updateSchedule(actor, workspaceId, body);
  }

  /** Writes a backup file now (same place and pruning as the schedule). */
  @RequireRole('owner')
  @Post('workspaces/:workspaceId/backups')
  @HttpCode(201)
  backupNow(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<BackupFileDto> {
    return this.backups.backupNow(actor, workspaceId);
  }

  @RequireRole('owner')
  @Get('workspaces/:workspaceId/backups/:name')
  @ApiProduces('application/json')
  async download(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Param('name') name: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const text = await this.backups.download(actor, workspaceId, name);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    attachment(response, `podium-${workspaceId}-${name}`);
    return text;
  }
}

function attachment(response: Response, filename: string): void {
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.setHeader('Cache-Control', 'no-store');
}
