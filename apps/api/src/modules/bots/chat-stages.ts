import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ChatEvent, ChatViewerIdentity } from '@podium/contracts';
import type { BatchWriter, BatchWrites } from '../../common/concurrency/batch-writes';
import { type SharedReads, sharedRead } from '../../common/concurrency/shared-reads';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner } from '../../database/transaction';
import { type OutboxRequest, OutboxService } from '../chat/outbox/outbox.service';
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
  /**
   * In a batch: hands `item` to `writer` at the batch's end, with the other events' items, in one
   * write (dropped if this event's handlers fail). Absent outside a batch: do the write at once.
   */
  later?<T>(writer: BatchWriter<T>, item: T): void;
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
  private readonly replies: BatchWriter<OutboxRequest> = {
    write: async (requests) => void (await this.outbox.enqueueMany(requests)),
  };

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
    this.events.on('chat.messageReceived', ({ event, reads, writes }) => this.handle(event, reads, writes));
  }

  /** Runs every stage on one recorded message. Throws (so the pipeline retries) if a stage failed. */
  async handle(event: ChatEvent, reads?: SharedReads, writes?: BatchWrites): Promise<void> {
    if (!event.viewer || event.text === undefined) return;
    const message = event as ChatMessageEvent;
    if (await this.isPodiumsOwn(message, reads)) return;
    const context = this.contextFor(message, reads, writes);
    for (const stage of this.stages) {
      if ((await stage.handle(context)) === 'stop') {
        this.logger.debug({ eventId: event.id, stage: stage.name }, 'chat message stopped');
        return;
      }
    }
  }

  private contextFor(
    event: ChatMessageEvent,
    reads: SharedReads | undefined,
    writes: BatchWrites | undefined,
  ): ChatStageContext {
    return {
      event,
      once: (effect) => this.effects.claim(this.tx.none, event.id, effect),
      shared: (key, read) => sharedRead(reads, `bots:${key}`, read),
      ...(writes
        ? { later: <T>(writer: BatchWriter<T>, item: T) => writes.add(writer, event.id, item) }
        : {}),
      // The claim and the queued reply are one statement: a crash between them cannot lose the
      // reply. In a batch, every reply of the batch goes in that one statement at its end.
      reply: async (text, effect) => {
        const request: OutboxRequest = {
          workspaceId: event.workspaceId,
          text,
          connectionIds: [event.connectionId],
          ...(event.meetingId ? { meetingId: event.meetingId } : {}),
          ...(reads ? { reads } : {}),
          once: this.effects.claimFor(event.id, effect),
        };
        if (writes) writes.add(this.replies, event.id, request);
        else await this.outbox.enqueueMany([request]);
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
