import { Module } from '@nestjs/common';
import { PublicApiModule } from '../public-api/public-api.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { BackupFiles } from './backup-files';
import { BackupScheduleJob } from './backup-schedule.job';
import { BackupController } from './backup.controller';
import { BackupRepository } from './backup.repository';
import { BackupService } from './backup.service';
import { ExportV1Controller } from './export-v1.controller';
import { WorkspaceExportService } from './workspace-export.service';

/** Workspace export / import (admin, v1, CLI) and scheduled backups into DATA_DIR/backups. */
@Module({
  imports: [WorkspacesModule, PublicApiModule],
  controllers: [BackupController, ExportV1Controller],
  providers: [BackupRepository, WorkspaceExportService, BackupService, BackupFiles, BackupScheduleJob],
  exports: [WorkspaceExportService],
})
export class BackupModule {}
