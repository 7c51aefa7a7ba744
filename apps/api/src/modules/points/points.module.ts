import { Module } from '@nestjs/common';
import { BotsModule } from '../bots/bots.module';
import { ChatModule } from '../chat/chat.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { MeetingsLiveModule } from '../meetings/live/meetings-live.module';
import { ActionPointsController } from './actions/action-points.controller';
import { ActionPointsService } from './actions/action-points.service';
import { ActionSettingsRepository } from './actions/action-settings.repository';
import { ActionSettingsService } from './actions/action-settings.service';
import { MeetingPointsJob } from './actions/meeting-points.job';
import { MeetingPointsRepository } from './actions/meeting-points.repository';
import { MeetingPointsService } from './actions/meeting-points.service';
import { StreaksController } from './streaks/streaks.controller';
import { StreaksRepository } from './streaks/streaks.repository';
import { StreaksService } from './streaks/streaks.service';
import { PlatformPresence } from './cycles/platform-presence';
import { PointsCyclesJob } from './cycles/points-cycles.job';
import { PointsBroadcaster } from './points.broadcaster';
import { PointsCommand } from './points.command';
import { PointsController } from './points.controller';
import { PointsGateway } from './points.gateway';
import { PointsLedger } from './points-ledger';
import { PointsMergesListener } from './points-merges.listener';
import { PointsRepository } from './points.repository';
import { PointsCyclesRepository } from './cycles/points-cycles.repository';
import { PointsService } from './points.service';
import { PointsSettingsService } from './points-settings.service';
import { PointsSilence } from './points-silence';

/**
 * Points: the ledger (the only way balances move), settings, earning cycles, manual adjustments,
 * history and the leaderboard. Redeems, Ko-fi and the viewer panel import it; it never imports them.
 */
@Module({
  imports: [ChatModule, BotsModule, WorkspacesModule, MeetingsLiveModule],
  controllers: [PointsController, ActionPointsController, StreaksController],
  providers: [
    PointsLedger,
    PointsRepository,
    PointsCyclesRepository,
    PointsService,
    PointsSettingsService,
    PointsSilence,
    PointsCommand,
    PointsGateway,
    PointsBroadcaster,
    PlatformPresence,
    PointsCyclesJob,
    PointsMergesListener,
    // action points, meeting points and streaks
    ActionSettingsRepository,
    ActionSettingsService,
    ActionPointsService,
    MeetingPointsRepository,
    MeetingPointsService,
    MeetingPointsJob,
    StreaksRepository,
    StreaksService,
  ],
  exports: [PointsLedger, PointsService, PointsSettingsService, ActionSettingsService, StreaksService],
})
export class PointsModule {}
