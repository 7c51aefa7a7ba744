import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { ChatEvent, ChatEventInput, ChatEventKind } from '@podium/contracts';
import { BatchWrites } from '../../../common/concurrency/batch-writes';
import { SharedReads } from '../../../common/concurrency/shared-reads';
import { CHAT_EVENT_DOMAIN_EVENT, DomainEvents } from '../../../common/events/domain-events';
import { DatabaseSettings } from '../../../database/database-settings';
import { TransactionRunner, type Tx } from '../../../database/transaction';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { ConnectionsRepository } from '../connections/connections.repository';
import type { ConnectionRecord } from '../platform-adapter';
import { planSightings, type ViewerSighting, ViewersRepository } from '../viewers/viewers.repository';
import { BatchQueue } from './batch-queue';
import { ChatEventsRepository } from './chat-events.repository';
import { GroupCommit } from '../../../common/concurrency/group-commit';

/** Kinds whose viewer identity carries the viewer's current roles (badges come with messages). */
const CARRIES_ROLES: ReadonlySet<ChatEventKind> = new Set(['message']);
const RETRY_JOB = 'chat.events.retry';
const RETRY_EVERY_MS = 10_000;
/** Ingests written together in one transaction at most (see GroupCommit). */
const MAX_BATCH = 200;
const LAST_EVENT_EVERY_MS = 1_000;
/** Recorded events handled together at most: one claim and one processed mark for all of them. */
const MAX_HANDLE_BATCH = 64;

type IngestConnection = Pick<ConnectionRecord, 'id' | 'workspaceId' | 'platform'>;

interface PendingIngest {
  connection: IngestConnection;
  inputs: ChatEventInput[];
  receivedAt: Date;
}

export interface IngestResult {
  recorded: ChatEvent[];
  duplicates: number;
}

/**
 * Every source's way in. An event is recorded under its unique (connection, external id) before
 * anything acts on it, so a redelivery is a no-op; `ingest` resolves once that is committed (the
 * moment a webhook may be acknowledged). Handlers run afterwards, on batches of recorded events
 * (claimed in one statement, handled one after the other in order, marked processed in one
 * statement); when an event's handlers fail it alone stays unprocessed and a sweep retries it from
 * the record, here or on another replica.
 */
@Injectable()
export class ChatPipeline implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChatPipeline.name);
  /** Deliveries arriving together are recorded together, each resolved once its batch commits. */
  private readonly recording = new GroupCommit<PendingIngest, ChatEvent[]>(
    (batch) => this.record(batch),
    MAX_BATCH,
  );
  private readonly lastEventWritten = new Map<string, number>();
  /**
   * Recorded events waiting for their handlers, handled in batches that share one claim, one
   * processed mark and their settings reads. At most two batches fewer than the pool's connections
   * run at once: unbounded, a burst's handlers queued on every connection ahead of the next
   * recording's insert, and webhooks waited on them.
   */
  private readonly handling: BatchQueue<string>;
  private closing = false;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly events: ChatEventsRepository,
    private readonly viewers: ViewersRepository,
    private readonly connections: ConnectionsRepository,
    private readonly domainEvents: DomainEvents,
    private readonly scheduler: JobScheduler,
    database: DatabaseSettings,
  ) {
    this.handling = new BatchQueue((ids) => this.processBatch(ids), {
      workers: Math.max(2, database.poolSize - 2),
      maxBatch: MAX_HANDLE_BATCH,
      onError: (error) => this.logger.error({ err: error }, 'chat event processing failed'),
    });
  }

  onModuleInit(): void {
    this.scheduler.register(RETRY_JOB, () => this.retryDue());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(RETRY_JOB, RETRY_JOB, RETRY_EVERY_MS);
  }

  /** Lets handlers under way finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.handling.idle();
  }

  async ingest(connection: IngestConnection, inputs: ChatEventInput[]): Promise<IngestResult> {
    if (inputs.length === 0) return { recorded: [], duplicates: 0 };
    const recorded = await this.recording.submit({ connection, inputs, receivedAt: new Date() });
    for (const event of recorded) this.domainEvents.publish('chat.eventRecorded', { event });
    this.handling.push(recorded.map((event) => event.id));
    return { recorded, duplicates: inputs.length - recorded.length };
  }

  /** Runs the handlers of one recorded event, at most one process at a time (claim). */
  async process(eventId: string): Promise<void> {
    await this.processBatch([eventId]);
  }

  /**
   * Runs the handlers of recorded events one after the other, sharing their reads. An event whose
   * handlers fail is marked failed alone: the others are marked processed and never run again.
   */
  private async processBatch(ids: string[]): Promise<void> {
    if (this.closing) return;
    const events = await this.events.claimMany(this.tx.none, ids);
    if (events.length === 0) return;
    const reads = new SharedReads();
    const writes = new BatchWrites();
    const handled: string[] = [];
    for (const event of events) {
      try {
        await this.domainEvents.dispatch(CHAT_EVENT_DOMAIN_EVENT[event.kind], { event, reads, writes });
        handled.push(event.id);
      } catch (error) {
        writes.drop(event.id);
        await this.failed(event, error);
      }
    }
    // What the handlers left for the end (replies, command counts): a statement each for the whole
    // batch. An event whose part of it could not be written is retried.
    const unwritten = await writes.flush();
    for (const event of events) {
      const error = unwritten.get(event.id);
      if (error !== undefined) await this.failed(event, error);
    }
    await this.events.markProcessed(
      this.tx.none,
      handled.filter((id) => !unwritten.has(id)),
    );
  }

  private async failed(event: ChatEvent, error: unknown): Promise<void> {
    const message = error instanceof AggregateError ? error.errors.map(String).join('; ') : String(error);
    this.logger.warn(
      { eventId: event.id, kind: event.kind, err: error },
      'chat event handlers failed; will retry',
    );
    await this.events.markFailed(this.tx.none, event.id, message);
  }

  /**
   * Records a batch of ingests; per ingest, the events that were new. Viewers and events are one
   * statement (no transaction, one round trip); the rare extra writes (a viewer seen twice in the
   * batch, the connections' "last event" time) share a transaction with it.
   */
  private async record(batch: PendingIngest[]): Promise<ChatEvent[][]> {
    const built = batch.map(({ connection, inputs, receivedAt }) =>
      inputs.map((input): ChatEvent => ({
        ...input,
        id: randomUUID(),
        workspaceId: connection.workspaceId,
        connectionId: connection.id,
        platform: connection.platform,
        receivedAt: receivedAt.toISOString(),
      })),
    );
    const sightings: ViewerSighting[] = built.flat().flatMap((event) =>
      event.viewer
        ? [
            {
              workspaceId: event.workspaceId,
              viewer: event.viewer,
              seenAt: new Date(event.occurredAt),
              carriesRoles: CARRIES_ROLES.has(event.kind),
            },
          ]
        : [],
    );
    const { upserts, repeats } = planSightings(sightings);
    const touched = this.lastEventDue(batch);
    const write = async (tx: Tx) => {
      // One insert for the whole batch: a resend racing its original lands in it as a conflict.
      const fresh = await this.events.insertMany(tx, built.flat(), upserts);
      // A viewer seen twice: the later sighting's name and roles, after the first's.
      for (const { workspaceId, viewer, seenAt, carriesRoles } of repeats) {
        await this.viewers.upsert(tx, workspaceId, viewer, seenAt, carriesRoles);
      }
      if (touched.length > 0) await this.connections.touchLastEvent(touched, new Date(), tx);
      return fresh;
    };
    const fresh =
      repeats.length > 0 || touched.length > 0 ? await this.tx.run(write) : await write(this.tx.none);
    return built.map((events) =>
      events.flatMap((event) => {
        if (!fresh.has(event.id)) return [];
        const viewerId = fresh.get(event.id);
        return [viewerId ? { ...event, viewerId } : event];
      }),
    );
  }

  /**
   * Connections whose "last event" time is worth writing: at most once a second each. Every
   * ingest updating the one connection row serialised all of them on its lock.
   */
  private lastEventDue(batch: PendingIngest[]): string[] {
    const now = Date.now();
    const due = new Set<string>();
    for (const { connection } of batch) {
      if (now - (this.lastEventWritten.get(connection.id) ?? 0) < LAST_EVENT_EVERY_MS) continue;
      this.lastEventWritten.set(connection.id, now);
      due.add(connection.id);
    }
    return [...due];
  }

  private async retryDue(): Promise<void> {
    const ids = await this.events.dueForRetry(this.tx.none, 5, 200);
    // Retried one by one: an event that keeps failing holds no other event's mark back.
    for (const id of ids) await this.process(id);
  }
}
