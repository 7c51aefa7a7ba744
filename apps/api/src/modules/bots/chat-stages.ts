import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ChatEvent, ChatViewerIdentity } from '@podium/contracts';
import { type SharedReads, sharedRead } from '../../common/concurrency/shared-reads';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner } from '../../database/transaction';
import { OutboxService } from '../chat/outbox/outbox.service';
import { BotEffectsRepository } from './bot-effects.repository';
import type { BotSilence } from './bot-silence';

/** A chat message with the parts every stage needs: who said it, and what. */
export type ChatMessageEvent = ChatEvent & { viewer: ChatViewerIdentity; text: string };

export interface ChatStageContext {
  readonly event: ChatMessageEvent;
  /**
   * True the first time it is asked for this event and `effect`, false ever after (a retried
   * event, another replica): guard every side effect a retry must not repeat.
   */
  once(effect: string): Promise<boolean>;
  /** Answers on the connection (and in-room meeting) the message came from, once per `effect`. */
  reply(text: string, effect: string): Promise<void>;
  /**
   * A read of settings the messages handled together share (read once for the batch): the key
   * names what is read, workspace included.
   */
  shared<V>(key: string, read: () => Promise<V>): Promise<V>;
}

/** `stop` ends the message's journey (moderation removed it); later stages never see it. */
export type ChatStageVerdict = 'continue' | 'stop';

/**
 * One thing bots do with a chat message. Stages run one after the other in `order`: moderation
 * (10), stream-question answers (20), commands (30), auto-responses (40), revolutions (50).
 */
export interface ChatStage {
  readonly name: string;
  readonly order: number;
  handle(context: ChatStageContext): Promise<ChatStageVerdict>;
}

/** Whether the bot keeps quiet in the message's workspace, read once per batch. */
export function isSilent({ event, shared }: ChatStageContext, silence: BotSilence): Promise<boolean> {
  return shared(`silent:${event.workspaceId}`, () => silence.isSilent(event.workspaceId));
}

/** Where stages register (in their service's `onModuleInit`), and the one chat message listener. */
@Injectable()
export class ChatStages implements OnModuleInit {
  private readonly logger = new Logger(ChatStages.name);
  private readonly stages: ChatStage[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly effects: BotEffectsRepository,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
  ) {}

  register(stage: ChatStage): void {
    this.stages.push(stage);
    this.stages.sort((a, b) => a.order - b.order);
  }

  onModuleInit(): void {
    this.events.on('chat.messageReceived', ({ event, reads }) => this.handle(event, reads));
  }

  /** Runs every stage on one recorded message. Throws (so the pipeline retries) if a stage failed. */
  async handle(event: ChatEvent, reads?: SharedReads): Promise<void> {
    if (!event.viewer || event.text === undefined) return;
    const message = event as ChatMessageEvent;
    if (await this.isPodiumsOwn(message, reads)) return;
    const context = this.contextFor(message, reads);
    for (const stage of this.stages) {
      if ((await stage.handle(context)) === 'stop') {
        this.logger.debug({ eventId: event.id, stage: stage.name }, 'chat message stopped');
        return;
      }
    }
  }

  private contextFor(event: ChatMessageEvent, reads: SharedReads | undefined): ChatStageContext {
    const once = (effect: string) => this.effects.claim(this.tx.none, event.id, effect);
    return {
      event,
      once,
      shared: (key, read) => sharedRead(reads, `bots:${key}`, read),
      // The claim and the queued reply are one statement: a crash between them cannot lose the reply.
      reply: async (text, effect) => {
        await this.outbox.enqueue(event.workspaceId, text, {
          connectionIds: [event.connectionId],
          ...(event.meetingId ? { meetingId: event.meetingId } : {}),
          ...(reads ? { reads } : {}),
          onlyIf: this.effects.claimWith(event.id, effect),
        });
      },
    };
  }

  /**
   * What Podium said comes back as chat on some platforms: Owncast flags its bots; on Twitch a
   * reply sent as the channel itself is a message of the broadcaster, recognised by its text.
   */
  private async isPodiumsOwn(event: ChatMessageEvent, reads: SharedReads | undefined): Promise<boolean> {
    if (event.detail?.['isBot'] === true) return true;
    return this.outbox.wasSentRecently(event.connectionId, event.text, reads);
  }
}
