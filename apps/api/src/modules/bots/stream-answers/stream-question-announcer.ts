import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { questionClosedMessage, questionOpenedMessage } from '@podium/bots';
import { type DomainEventMap, DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { OutboxService } from '../../chat/outbox/outbox.service';
import { BotSilence } from '../bot-silence';
import { ChatParticipantsService } from '../../meetings/live/chat-participants.service';
import { BotSettingsService } from '../settings/bot-settings.service';
import { type ChatPostKind, ChatPostsRepository } from './chat-posts.repository';

/**
 * Posts in stream chat when a question of a stream (or both) meeting opens or closes, as the
 * meeting's chat settings say: once per transition (claimed by meeting, live version and kind), to
 * every stream connection of the workspace (in-room attendees see the question on their phones).
 */
@Injectable()
export class StreamQuestionAnnouncer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StreamQuestionAnnouncer.name);
  private off: (() => void) | null = null;

  constructor(
    private readonly events: DomainEvents,
    private readonly participants: ChatParticipantsService,
    private readonly settings: BotSettingsService,
    private readonly connections: ConnectionsService,
    private readonly outbox: OutboxService,
    private readonly posts: ChatPostsRepository,
    private readonly tx: TransactionRunner,
    private readonly silence: BotSilence,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on('meeting.stateChanged', (change) => this.announce(change));
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  /** The close of the previous question first, then the next one's opening (a `next` does both). */
  async announce(change: DomainEventMap['meeting.stateChanged']): Promise<void> {
    const { workspaceId, meetingId, state, closedQuestionId } = change;
    if (closedQuestionId) await this.post(workspaceId, meetingId, state.version, 'closed', closedQuestionId);
    if (state.phase === 'question_open' && state.question) {
      await this.post(workspaceId, meetingId, state.version, 'opened', state.question.id);
    }
  }

  private async post(
    workspaceId: string,
    meetingId: string,
    version: number,
    kind: ChatPostKind,
    questionId: string,
  ): Promise<void> {
    const about = await this.participants.questionForChat(meetingId, questionId);
    if (!about || about.kind === 'in_room') return;
    const text =
      kind === 'opened'
        ? about.chat.announceOpen
          ? questionOpenedMessage(about.question, {
              prefix: await this.settings.prefix(workspaceId),
              wordCloud: about.chat.wordCloud,
            })
          : null
        : questionClosedMessage(about.question, about.results, about.chat);
    if (!text) return;
    const targets = (await this.connections.forWorkspace(workspaceId)).filter(
      (connection) => connection.platform !== 'inroom' && connection.status !== 'disconnected',
    );
    // No connectionIds would mean "every connection": with no stream connected there is nobody to tell.
    if (targets.length === 0) return;
    if (await this.silence.isSilent(workspaceId)) return;
    if (!(await this.posts.claim(this.tx.none, workspaceId, meetingId, version, kind))) return;
    await this.outbox.enqueue(workspaceId, text, {
      connectionIds: targets.map((connection) => connection.id),
    });
    this.logger.debug({ meetingId, questionId, version, kind }, 'question announced in chat');
  }
}
