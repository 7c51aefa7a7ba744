import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { RealtimeModule } from '../../realtime/realtime.module';
import { WorkspacesModule } from '../../workspaces/workspaces.module';
import { MeetingsModule } from '../meetings.module';
import { AnswersRepository } from './answers.repository';
import { AnswersService } from './answers.service';
import { ChatParticipantsService } from './chat-participants.service';
import { FlagCaptureService } from './flag-capture.service';
import { CloseQuestionJob } from './jobs/close-question.job';
import { LiveAccess } from './live-access.service';
import { LiveControlService } from './live-control.service';
import { LiveLimiters } from './live-limiters';
import { LiveResultsService } from './live-results.service';
import { LiveSnapshotService } from './live-snapshot.service';
import { LiveStateRepository } from './live-state.repository';
import { LiveService } from './live.service';
import { MeetingsLiveBroadcaster } from './meetings-live.broadcaster';
import { MeetingsLiveGateway } from './meetings-live.gateway';
import { QaRepository } from './qa.repository';
import { QaService } from './qa.service';
import { ResultsExportController } from './results-export.controller';
import { ResultsExportService } from './results-export.service';
import { ResultsTicker } from './results-ticker';
import { ScoreboardRepository } from './scoreboard.repository';
import { Presence } from './presence';
import { ScoreboardService } from './scoreboard.service';
import { ScoreboardTicker } from './scoreboard-ticker';

/** The live run of meetings: transitions, answers, Q&A, flags, results and scores over Socket.IO. */
@Module({
  imports: [MeetingsModule, WorkspacesModule, AuthModule, RealtimeModule],
  controllers: [ResultsExportController],
  providers: [
    LiveStateRepository,
    AnswersRepository,
    QaRepository,
    ScoreboardRepository,
    LiveAccess,
    LiveService,
    LiveControlService,
    LiveSnapshotService,
    LiveResultsService,
    LiveLimiters,
    AnswersService,
    ChatParticipantsService,
    QaService,
    FlagCaptureService,
    ScoreboardService,
    ResultsExportService,
    CloseQuestionJob,
    MeetingsLiveGateway,
    MeetingsLiveBroadcaster,
    ResultsTicker,
    ScoreboardTicker,
    Presence,
  ],
  // Bots answer open questions from stream chat and announce them through it; the public API
  // drives and reads the live run.
  exports: [ChatParticipantsService, LiveService, LiveSnapshotService, LiveResultsService, ScoreboardService],
})
export class MeetingsLiveModule {}
