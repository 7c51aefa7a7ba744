import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { PointsModule } from '../points/points.module';
import { PublicApiModule } from '../public-api/public-api.module';
import { RedeemsModule } from '../redeems/redeems.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ReportBuilder } from './report-builder.service';
import { ReportsController } from './reports.controller';
import { ReportsListener } from './reports.listener';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { ReportsV1Controller } from './v1/reports-v1.controller';
import { ViewerSamplerJob } from './viewer-sampler.job';

/**
 * Stream and meeting reports: built when a stream goes offline or a meeting ends, from the chat,
 * points, redeems and meetings modules' read methods; stored; read by organizers and the public API.
 */
@Module({
  imports: [WorkspacesModule, ChatModule, MeetingsModule, PointsModule, RedeemsModule, PublicApiModule],
  controllers: [ReportsController, ReportsV1Controller],
  providers: [ReportsRepository, ReportBuilder, ReportsService, ReportsListener, ViewerSamplerJob],
  exports: [ReportsService],
})
export class ReportsModule {}
