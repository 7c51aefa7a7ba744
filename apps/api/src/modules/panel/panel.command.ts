import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PANEL_LINK_TTL_MINUTES } from '@podium/contracts';
import type { ChatStageContext } from '../bots/chat-stages';
import { BuiltinCommands } from '../bots/commands/builtin-commands';
import { PointsSettingsService } from '../points/points-settings.service';
import { PanelAuthService } from './panel-auth.service';

/**
 * `!panel`: answers with the viewer's personal sign-in link. The link travels in public chat, so it
 * is single use and short-lived: whoever opens it first gets the session (see docs). A viewer who
 * fears someone else opened theirs signs out everywhere from the panel.
 */
@Injectable()
export class PanelCommand implements OnModuleInit {
  private readonly logger = new Logger(PanelCommand.name);

  constructor(
    private readonly builtins: BuiltinCommands,
    private readonly auth: PanelAuthService,
    private readonly settings: PointsSettingsService,
  ) {}

  onModuleInit(): void {
    this.builtins.register({
      name: 'panel',
      permission: 'everyone',
      description: 'Sends you a personal link to your points, rewards and queue',
      run: (context) => this.run(context),
    });
  }

  async run(context: ChatStageContext): Promise<void> {
    const { event } = context;
    if (!event.viewerId) return;
    // Passive mode: the bot says nothing but `!points`.
    if (await this.settings.isPassive(event.workspaceId)) return;
    if (!this.auth.linksAvailable) {
      await context.reply(
        `@${event.viewer.displayName} the viewer panel is not available: Podium has no public address yet`,
        'panel',
      );
      return;
    }
    const link = await this.auth.issueLink({
      workspaceId: event.workspaceId,
      viewerId: event.viewerId,
      platform: event.platform,
      displayName: event.viewer.displayName,
    });
    this.logger.debug({ eventId: event.id, viewerId: event.viewerId }, 'panel link issued');
    await context.reply(
      `@${event.viewer.displayName} your panel: ${link} (opens once, within ${PANEL_LINK_TTL_MINUTES} minutes)`,
      'panel',
    );
  }
}
