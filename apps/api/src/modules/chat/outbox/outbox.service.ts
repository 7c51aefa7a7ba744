import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { splitMessage } from '@podium/chat';
import type { OutboxMessageDto, SendChatMessageRequest, SendChatMessageResponse } from '@podium/contracts';
import { type SharedReads, sharedRead } from '../../../common/concurrency/shared-reads';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { JobScheduler } from '../../scheduler/job-scheduler';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { ChatErrorCode, ChatException } from '../chat.exception';
import { ConnectionsService } from '../connections/connections.service';
import type { ConnectionRecord, SendOutcome } from '../platform-adapter';
import { PlatformAdapters } from '../platform-adapters';
import {
  type OutboxClaim,
  type OutboxInsert,
  type OutboxRow,
  OutboxRepository,
  toOutboxDto,
} from './outbox.repository';

/** A message to queue: to the chosen connections of the workspace, or all of them. */
export interface OutboxRequest {
  workspaceId: string;
  text: string;
  connectionIds?: string[];
  meetingId?: string;
  reads?: SharedReads;
  /** Queue only if this claim is new (see OutboxClaim); a chosen connection that is gone is then skipped. */
  once?: OutboxClaim;
}

const SWEEP_JOB = 'chat.outbox.sweep';
const SWEEP_EVERY_MS = 5_000;
/** A platform that keeps asking to retry gets this many tries, then the message is marked failed. */
const MAX_ATTEMPTS = 5;
const SEND_TIMEOUT_MS = 15_000;
/** A platform echoes what Podium said back as chat within this long. */
const ECHO_WINDOW_MS = 120_000;
/** A batch reads this many of a connection's recent lines at most; busier ones are asked per line. */
const ECHO_LINES_READ = 500;

/**
 * Every message Podium says in chat goes through here: stored first, then sent per connection no
 * faster than the platform allows (a burst of bot replies must never get the bot locked out), in
 * order, once. Sending happens outside any transaction: the embedded database runs one at a time.
 */
@Injectable()
export class OutboxService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxService.name);
  /** Connections this process is draining now, and whether more arrived meanwhile. */
  private readonly draining = new Map<string, { again: boolean; done: Promise<void> }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /**
   * Connections whose rate window is full until their timer fires: nothing queued meanwhile can go
   * out sooner, so a burst of replies does not each take the connection's lock just to learn that.
   */
  private readonly rateWaits = new Set<string>();
  private closing = false;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: OutboxRepository,
    private readonly connections: ConnectionsService,
    private readonly adapters: PlatformAdapters,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
    private readonly scheduler: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(SWEEP_JOB, async () => {
      for (const connectionId of await this.repository.connectionsWithDue(this.tx.none))
        this.kick(connectionId);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(SWEEP_JOB, SWEEP_JOB, SWEEP_EVERY_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.allSettled([...this.draining.values()].map((drain) => drain.done));
  }

  /** "Send as bot" from the admin: to the chosen connections, or all of them. */
  async send(
    actor: Actor,
    workspaceId: string,
    request: SendChatMessageRequest,
  ): Promise<SendChatMessageResponse> {
    await this.access.require(actor, workspaceId, 'moderator');
    return {
      queued: await this.enqueue(workspaceId, request.text, { connectionIds: request.connectionIds }),
    };
  }

  async enqueue(
    workspaceId: string,
    text: string,
    options: Omit<OutboxRequest, 'workspaceId' | 'text'> = {},
  ): Promise<OutboxMessageDto[]> {
    return this.enqueueMany([{ workspaceId, text, ...options }]);
  }

  /** Several messages queued by one statement, in order (a batch's chat replies). */
  async enqueueMany(requests: readonly OutboxRequest[]): Promise<OutboxMessageDto[]> {
    const targets = await Promise.all(requests.map((request) => this.targetsOf(request)));
    const claims = new Set<string>();
    const byId = new Map<string, ConnectionRecord>();
    const rows: OutboxInsert[] = [];
    requests.forEach((request, i) => {
      // The same claim twice in one statement would pass twice: the first request has it.
      if (request.once && claims.has(request.once.key)) return;
      if (request.once) claims.add(request.once.key);
      for (const connection of targets[i] ?? []) {
        const adapter = this.adapters.find(connection.platform);
        if (!adapter) continue;
        byId.set(connection.id, connection);
        for (const part of splitMessage(request.text, adapter.limits(connection).maxLength)) {
          rows.push({
            workspaceId: request.workspaceId,
            connectionId: connection.id,
            text: part,
            meetingId: request.meetingId ?? null,
            ...(request.once ? { claim: request.once } : {}),
          });
        }
      }
    });
    const inserted = await this.repository.insert(this.tx.none, rows);
    const queued = inserted.flatMap((row) => {
      const connection = byId.get(row.connection_id);
      return connection ? [this.announce(row, connection)] : [];
    });
    for (const connectionId of new Set(inserted.map((row) => row.connection_id))) this.kick(connectionId);
    return queued;
  }

  /** The live connections a message goes to: those chosen, or all of the workspace's. */
  private async targetsOf(request: OutboxRequest): Promise<ConnectionRecord[]> {
    const connections = await sharedRead(request.reads, `outbox:connections:${request.workspaceId}`, () =>
      this.connections.forWorkspace(request.workspaceId),
    );
    const all = connections.filter((c) => c.status !== 'disconnected');
    const wanted = request.connectionIds?.length ? new Set(request.connectionIds) : undefined;
    const targets = wanted ? all.filter((connection) => wanted.has(connection.id)) : all;
    // A reply to a line whose connection went away meanwhile has nowhere to go: not an error.
    if (wanted && targets.length !== wanted.size && !request.once) {
      throw new ChatException(
        ChatErrorCode.ConnectionNotFound,
        'Some of these connections are not in this workspace',
        { field: 'connectionIds' },
      );
    }
    return targets;
  }

  /**
   * True when Podium itself said `text` on the connection in the last two minutes. In a batch, the
   * connection's recent lines are read once for all its messages (a line is 'sending' before any
   * echo of it can arrive, so the batch's echoes are among them).
   */
  async wasSentRecently(connectionId: string, text: string, reads?: SharedReads): Promise<boolean> {
    const line = text.trim();
    if (reads) {
      const recent = await reads.get(`outbox:sent:${connectionId}`, async () => {
        const lines = await this.repository.sentLines(
          this.tx.none,
          connectionId,
          ECHO_WINDOW_MS,
          ECHO_LINES_READ,
        );
        return lines.length < ECHO_LINES_READ ? new Set(lines) : null;
      });
      if (recent) return recent.has(line);
    }
    return this.repository.sentRecently(this.tx.none, connectionId, line, ECHO_WINDOW_MS);
  }

  /** Starts draining a connection in this process, or asks the running drain to look again. */
  kick(connectionId: string): void {
    if (this.closing || this.rateWaits.has(connectionId)) return;
    const running = this.draining.get(connectionId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = this.drain(connectionId, state)
      .catch((error: unknown) => this.logger.error({ err: error, connectionId }, 'outbox drain failed'))
      .finally(() => this.draining.delete(connectionId));
    this.draining.set(connectionId, state);
  }

  private async drain(connectionId: string, state: { again: boolean }): Promise<void> {
    for (;;) {
      if (this.closing) return;
      const connection = await this.connections.record(connectionId);
      const adapter = connection && this.adapters.find(connection.platform);
      if (!connection || !adapter) return;
      const limits = adapter.limits(connection);
      const claim = await this.tx.run((tx) => this.repository.claimNext(tx, connectionId, limits));
      if (claim.kind === 'wait') {
        this.rateWaits.add(connectionId);
        return this.later(connectionId, claim.ms);
      }
      if (claim.kind === 'idle') {
        if (state.again) {
          state.again = false;
          continue;
        }
        if (claim.nextDueInMs !== null) this.later(connectionId, claim.nextDueInMs);
        return;
      }
      await this.deliver(connection, claim.row);
    }
  }

  private async deliver(connection: ConnectionRecord, row: OutboxRow): Promise<void> {
    const adapter = this.adapters.get(connection.platform);
    let outcome: SendOutcome;
    try {
      outcome = await withTimeout(
        adapter.send(connection, { id: row.id, text: row.text, meetingId: row.meeting_id }),
        SEND_TIMEOUT_MS,
      );
    } catch (error) {
      outcome = {
        status: 'retry',
        reason: error instanceof Error ? error.message : String(error),
        afterMs: 2_000,
      };
    }
    const updated = await this.tx.run((tx) => {
      if (outcome.status === 'sent') return this.repository.finish(tx, row.id, outcome);
      if (outcome.status === 'dropped')
        return this.repository.finish(tx, row.id, { status: 'dropped', detail: outcome.reason });
      if (row.attempts >= MAX_ATTEMPTS)
        return this.repository.finish(tx, row.id, { status: 'failed', detail: outcome.reason });
      return this.repository.retryLater(tx, row.id, outcome.reason, outcome.afterMs * row.attempts);
    });
    if (updated) this.announce(updated, connection);
  }

  private later(connectionId: string, ms: number): void {
    clearTimeout(this.timers.get(connectionId));
    const timer = setTimeout(() => {
      this.timers.delete(connectionId);
      this.rateWaits.delete(connectionId);
      this.kick(connectionId);
    }, ms + 5);
    timer.unref();
    this.timers.set(connectionId, timer);
  }

  private announce(row: OutboxRow, connection: ConnectionRecord): OutboxMessageDto {
    const message = toOutboxDto(row, connection.platform);
    this.events.publish('chat.outboxChanged', { message, workspaceId: connection.workspaceId });
    return message;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
