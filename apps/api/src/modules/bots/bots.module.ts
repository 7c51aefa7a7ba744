import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { MeetingsLiveModule } from '../meetings/live/meetings-live.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AlertQueueRepository } from './alerts/alert-queue.repository';
import { AlertsBroadcaster } from './alerts/alerts.broadcaster';
import { AlertsGateway } from './alerts/alerts.gateway';
import { AlertsService } from './alerts/alerts.service';
import { CountdownRepository } from './alerts/countdown.repository';
import { EventAlertSettingsRepository } from './alerts/event-alert-settings.repository';
import { EventAlertsController } from './alerts/event-alerts.controller';
import { EventAlertsService } from './alerts/event-alerts.service';
import { TimerCommand } from './alerts/timer.command';
import { MediaController } from './media/media.controller';
import { ModerationBroadcaster } from './moderation/moderation.broadcaster';
import { ModerationController } from './moderation/moderation.controller';
import { ModerationGateway } from './moderation/moderation.gateway';
import { ModerationRepository } from './moderation/moderation.repository';
import { ModerationSettingsService } from './moderation/moderation-settings.service';
import { ModerationStage } from './moderation/moderation.stage';
import { MediaRepository } from './media/media.repository';
import { MediaService } from './media/media.service';
import { BotEffectsRepository } from './bot-effects.repository';
import { BotSilence } from './bot-silence';
import { ChatStages } from './chat-stages';
import { BuiltinCommands } from './commands/builtin-commands';
import { TwitchModule } from '../integrations/twitch/twitch.module';
import { AutoResponsesRepository } from './auto-responses/auto-responses.repository';
import { AutoResponsesService } from './auto-responses/auto-responses.service';
import { AutoResponsesStage } from './auto-responses/auto-responses.stage';
import { BotsController } from './bots.controller';
import { BotCommandsRepository } from './commands/bot-commands.repository';
import { BotCommandsService } from './commands/bot-commands.service';
import { BotCooldownsRepository } from './commands/bot-cooldowns.repository';
import { BotSandboxService } from './commands/bot-sandbox.service';
import { ChannelCommands } from './commands/channel-commands';
import { CommandsStage } from './commands/commands.stage';
import { CooldownGate } from './commands/cooldown-gate';
import { HelpCommand } from './commands/help-command';
import { PublicCommandsController } from './commands/public-commands.controller';
import { BotSettingsRepository } from './settings/bot-settings.repository';
import { BotSettingsService } from './settings/bot-settings.service';
import { AnnouncementsController } from './announcements/announcements.controller';
import { AnnouncementsJob } from './announcements/announcements.job';
import { AnnouncementsRepository } from './announcements/announcements.repository';
import { AnnouncementsService } from './announcements/announcements.service';
import { RevolutionsBroadcaster } from './revolutions/revolutions.broadcaster';
import { RevolutionsController } from './revolutions/revolutions.controller';
import { RevolutionsGateway } from './revolutions/revolutions.gateway';
import { RevolutionsRepository } from './revolutions/revolutions.repository';
import { RevolutionsService } from './revolutions/revolutions.service';
import { RevolutionsStage } from './revolutions/revolutions.stage';
import { RehearsalAdapter } from './rehearsal/rehearsal.adapter';
import { RehearsalController } from './rehearsal/rehearsal.controller';
import { RehearsalService } from './rehearsal/rehearsal.service';
import { ChatPostsRepository } from './stream-answers/chat-posts.repository';
import { StreamAnswersStage } from './stream-answers/stream-answers.stage';
import { StreamQuestionAnnouncer } from './stream-answers/stream-question-announcer';
import { ObsActionsBroadcaster } from './obs/obs-actions.broadcaster';
import { ObsGateway } from './obs/obs.gateway';

/**
 * Bots: what Podium does with chat. The rules live in @podium/bots; this module wires them to
 * recorded chat events (through ChatStages), the outbox, the database and the overlays.
 */
@Module({
  imports: [ChatModule, WorkspacesModule, MeetingsLiveModule, TwitchModule],
  controllers: [
    BotsController,
    PublicCommandsController,
    EventAlertsController,
    MediaController,
    RehearsalController,
    AnnouncementsController,
    RevolutionsController,
    ModerationController,
  ],
  providers: [
    // OBS actions (rewards and commands → the `obs` overlay)
    ObsGateway,
    ObsActionsBroadcaster,
    // commands, auto-responses and settings
    BotSettingsRepository,
    BotSettingsService,
    BotCommandsRepository,
    BotCommandsService,
    BotCooldownsRepository,
    CooldownGate,
    CommandsStage,
    HelpCommand,
    ChannelCommands,
    BotSandboxService,
    AutoResponsesRepository,
    AutoResponsesService,
    AutoResponsesStage,
    BotEffectsRepository,
    BotSilence,
    ChatStages,
    BuiltinCommands,
    RehearsalAdapter,
    RehearsalService,
    // alerts and media
    AlertQueueRepository,
    AlertsBroadcaster,
    AlertsGateway,
    AlertsService,
    CountdownRepository,
    EventAlertSettingsRepository,
    EventAlertsService,
    TimerCommand,
    MediaRepository,
    MediaService,
    // announcements and revolutions
    AnnouncementsRepository,
    AnnouncementsService,
    AnnouncementsJob,
    RevolutionsRepository,
    RevolutionsService,
    RevolutionsStage,
    RevolutionsGateway,
    RevolutionsBroadcaster,
    // stream questions answered from chat
    ChatPostsRepository,
    StreamAnswersStage,
    StreamQuestionAnnouncer,
    // moderation
    ModerationRepository,
    ModerationSettingsService,
    ModerationStage,
    ModerationGateway,
    ModerationBroadcaster,
  ],
  exports: [
    ChatStages,
    BuiltinCommands,
    AlertsService,
    MediaService,
    BotSettingsService,
    BotSilence,
    // the public API switches these and triggers announcements
    BotCommandsService,
    AutoResponsesService,
    AnnouncementsService,
    RevolutionsService,
  ],
})
export class BotsModule {}
