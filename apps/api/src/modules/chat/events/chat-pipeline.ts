import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { ChatEvent, ChatEventInput, ChatEventKind } from '@podium/contracts';
import { CHAT_EVENT_DOMAIN_EVENT, DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { ConnectionsRepository } from '../connections/connections.repository';
import type { ConnectionRecord } from '../platform-adapter';
import { ViewersRepository } from '../viewers/viewers.repository';
import { ChatEventsRepository } from './chat-events.repository';

/** Kinds whose viewer identity carries the viewer's current roles (badges come with messages). */
const CARRIES_ROLES: ReadonlySet<ChatEventKind> = new Set(['message']);
const RETRY_JOB = 'chat.events.retry';
const RETRY_EVERY_MS = 10_000;

export interface IngestResult {
  recorded: ChatEvent[];
  duplicates: number;
}

/**
 * Every source's way in. An event is recorded under its unique (connection, external id) before
 * anything acts on it, so a redelivery is a no-op; `ingest` resolves once that is committed (the
 * moment a webhook may be acknowledged). Handlers run afterwards; when one fails the event stays
 * unprocessed and a sweep retries it from the record, here or on another replica.
 */
@Injectable()
export class ChatPipeline implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChatPipeline.name);
  private readonly inFlight = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly events: ChatEventsRepository,
    private readonly viewers: ViewersRepository,
    private readonly connections: ConnectionsRepository,
    private readonly domainEvents: DomainEvents,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(RETRY_JOB, () => this.retryDue());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(RETRY_JOB, RETRY_JOB, RETRY_EVERY_MS);
  }

  /** Lets handlers under way finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.inFlight]);
  }

  async ingest(
    connection: Pick<ConnectionRecord, 'id' | 'workspaceId' | 'platform'>,
    inputs: ChatEventInput[],
  ): Promise<IngestResult> {
    if (inputs.length === 0) return { recorded: [], duplicates: 0 };
    const receivedAt = new Date();
    const recorded = await this.tx.run(async (tx) => {
      const fresh: ChatEvent[] = [];
      for (const input of inputs) {
        const viewerId = input.viewer
          ? await this.viewers.upsert(
              tx,
              connection.workspaceId,
              input.viewer,
              new Date(input.occurredAt),
              CARRIES_ROLES.has(input.kind),
            )
          : undefined;
        const event: ChatEvent = {
          ...input,
          id: randomUUID(),
          workspaceId: connection.workspaceId,
          connectionId: connection.id,
          platform: connection.platform,
          ...(viewerId ? { viewerId } : {}),
          receivedAt: receivedAt.toISOString(),
        };
        if (await this.events.insert(tx, event)) fresh.push(event);
      }
      await this.connections.touchLastEvent([connection.id], receivedAt, tx);
      return fresh;
    });
    for (const event of recorded) {
      this.domainEvents.publish('chat.eventRecorded', { event });
      this.track(this.process(event.id));
    }
    return { recorded, duplicates: inputs.length - recorded.length };
  }

  /** Runs the handlers of one recorded event, at most one process at a time (claim). */
  async process(eventId: string): Promise<void> {
    if (this.closing) return;
    const event = await this.events.claim(this.tx.none, eventId);
    if (!event) return;
    try {
      await this.domainEvents.dispatch(CHAT_EVENT_DOMAIN_EVENT[event.kind], { event });
      await this.events.markProcessed(this.tx.none, eventId);
    } catch (error) {
      const message = error instanceof AggregateError ? error.errors.map(String).join('; ') : String(error);
      this.logger.warn({ eventId, kind: event.kind, err: error }, 'chat event handlers failed; will retry');
      await this.events.markFailed(this.tx.none, eventId, message);
    }
  }

  private async retryDue(): Promise<void> {
    const ids = await this.events.dueForRetry(this.tx.none, 5, 200);
    for (const id of ids) await this.process(id);
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) =>
      this.logger.error({ err: error }, 'chat event processing failed'),
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
}
