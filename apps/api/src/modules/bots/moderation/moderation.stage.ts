import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { judgeMessage, type ModerationVerdict, renderModerationWarning } from '@podium/bots';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { ConnectionsService } from '../../chat/connections/connections.service';
import type { ModerationOutcome } from '../../chat/platform-adapter';
import { PlatformAdapters } from '../../chat/platform-adapters';
import {
  type ChatMessageEvent,
  type ChatStage,
  type ChatStageContext,
  type ChatStageVerdict,
  ChatStages,
} from '../chat-stages';
import { toModerationLogEntryDto } from './moderation.mapper';
import { ModerationRepository } from './moderation.repository';
import { ModerationSettingsService } from './moderation-settings.service';

/**
 * The first stage (10): judges every message with the workspace's filters. On a verdict it asks
 * the message's platform to act, logs what came of it and warns in chat (each once per event,
 * whatever the retries), and stops the message: no later stage sees it.
 */
@Injectable()
export class ModerationStage implements ChatStage, OnModuleInit {
  readonly name = 'moderation';
  readonly order = 10;
  private readonly logger = new Logger(ModerationStage.name);

  constructor(
    private readonly stages: ChatStages,
    private readonly settings: ModerationSettingsService,
    private readonly connections: ConnectionsService,
    private readonly adapters: PlatformAdapters,
    private readonly repository: ModerationRepository,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.stages.register(this);
  }

  async handle(context: ChatStageContext): Promise<ChatStageVerdict> {
    const { event } = context;
    const compiled = await context.shared(`moderation:${event.workspaceId}`, () =>
      this.settings.compiledFor(event.workspaceId),
    );
    if (!compiled) return 'continue';
    const verdict = judgeMessage(compiled, {
      text: event.text,
      roles: event.viewer.roles,
      emotes: event.fragments?.filter((fragment) => fragment.type === 'emote').length ?? 0,
    });
    if (!verdict) return 'continue';
    if (await context.once('moderation')) await this.act(context, verdict);
    return 'stop';
  }

  private async act(context: ChatStageContext, verdict: ModerationVerdict): Promise<void> {
    const { event } = context;
    const outcome = await this.askPlatform(event, verdict);
    const row = await this.repository.log(this.tx.none, {
      workspace_id: event.workspaceId,
      event_id: event.id,
      connection_id: event.connectionId,
      platform: event.platform,
      viewer_id: event.viewerId ?? null,
      viewer_display_name: event.viewer.displayName,
      message_text: event.text,
      rule: verdict.rule,
      rule_detail: verdict.detail,
      action: verdict.action,
      outcome: outcome.status,
      outcome_detail: outcome.status === 'done' ? null : outcome.reason,
    });
    if (row) this.events.publish('moderation.logged', { entry: toModerationLogEntryDto(row) });
    if (outcome.status === 'failed') {
      this.logger.warn(
        { eventId: event.id, connectionId: event.connectionId, reason: outcome.reason },
        'moderation action failed',
      );
    }
    if (verdict.warning) {
      const text = renderModerationWarning(verdict.warning, {
        user: event.viewer.displayName,
        rule: verdict.rule,
      });
      await context.reply(text, 'moderation.warning');
    }
  }

  private async askPlatform(event: ChatMessageEvent, verdict: ModerationVerdict): Promise<ModerationOutcome> {
    const connection = await this.connections.record(event.connectionId);
    if (!connection) return { status: 'failed', reason: 'The connection was removed' };
    const adapter = this.adapters.find(connection.platform);
    if (!adapter?.moderate) {
      return { status: 'not_supported', reason: `Podium cannot moderate ${connection.platform} chat` };
    }
    try {
      return await adapter.moderate(connection, {
        event,
        action: verdict.action,
        reason: `Podium moderation: ${verdict.detail}`,
      });
    } catch (error) {
      return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
