import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { StreakDto } from '@podium/contracts';
import {
  attendStream,
  currentStreak,
  nextStreakBonus,
  streakBonus,
  streakFromAttendance,
} from '@podium/points';
import { type SharedReads, sharedRead } from '../../../common/concurrency/shared-reads';
import {
  type ChatEventPayload,
  DomainEvents,
  type DomainEventName,
} from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { ActionSettingsService } from '../actions/action-settings.service';
import { PointsLedger } from '../points-ledger';
import { PointsErrorCode, PointsException } from '../points.exception';
import { PointsService } from '../points.service';
import { StreaksRepository } from './streaks.repository';

/** What a viewer does that counts as attending the stream running at the time. */
const ATTENDANCE_EVENTS = [
  'chat.messageReceived',
  'viewer.joined',
  'viewer.followed',
  'viewer.subscribed',
  'viewer.giftedSubscriptions',
  'viewer.cheered',
  'viewer.raided',
  'viewer.donated',
  'viewer.redeemedChannelReward',
] as const satisfies readonly DomainEventName[];

/** The batch's read of whether a stream runs (a hint: attending reads it again in its transaction). */
const openStreamKey = (workspaceId: string) => `streaks:open:${workspaceId}`;

/**
 * Streaks of consecutive streams. A workspace's stream runs while any of its connections is live
 * (stream online → offline) or any of its meetings runs; streams are numbered in order. A viewer
 * attends a stream by chatting or acting during it; the first attendance of each stream advances the
 * streak and pays the bonus set for the length reached, once per (viewer, stream)
 * (`streak:<stream id>:<viewer id>`), in the same transaction as the attendance row that guards it.
 */
@Injectable()
export class StreaksService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StreaksService.name);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly streaks: StreaksRepository,
    private readonly settings: ActionSettingsService,
    private readonly points: PointsService,
    private readonly ledger: PointsLedger,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    const on = this.unsubscribe.push.bind(this.unsubscribe);
    on(this.events.on('stream.wentOnline', (payload) => this.connectionLive(payload, true)));
    on(this.events.on('stream.wentOffline', (payload) => this.connectionLive(payload, false)));
    on(
      this.events.on('connection.removed', ({ workspaceId, connectionId }) =>
        this.quietly(() => this.setSource(workspaceId, `connection:${connectionId}`, false, new Date())),
      ),
    );
    on(
      this.events.on('meeting.stateChanged', ({ workspaceId, meetingId, previousPhase, state }) => {
        const running = state.phase !== 'before' && state.phase !== 'after';
        const wasRunning = previousPhase !== 'before' && previousPhase !== 'after';
        if (running === wasRunning) return;
        return this.quietly(() => this.setSource(workspaceId, `meeting:${meetingId}`, running, new Date()));
      }),
    );
    on(
      this.events.on('meeting.changed', ({ workspaceId, meetingId, reason }) => {
        if (reason === 'edited') return;
        return this.quietly(() => this.setSource(workspaceId, `meeting:${meetingId}`, false, new Date()));
      }),
    );
    for (const name of ATTENDANCE_EVENTS) {
      on(this.events.on(name, (payload) => this.attendEvent(payload)));
    }
    on(
      this.events.on('viewer.merged', ({ workspaceId, sourceViewerId, targetViewerId }) =>
        this.quietly(() => this.merge(workspaceId, sourceViewerId, targetViewerId)),
      ),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  /** `GET /points/viewers/:viewerId/streak` for organizers. */
  async get(actor: Actor, workspaceId: string, viewerId: string): Promise<StreakDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.forViewer(workspaceId, viewerId);
  }

  /** A viewer's streak without an access check (the viewer panel); any identity of the viewer. */
  async forViewer(workspaceId: string, viewerId: string): Promise<StreakDto> {
    const viewer = await this.points.resolveViewer(workspaceId, viewerId);
    if (!viewer)
      throw new PointsException(PointsErrorCode.ViewerNotFound, 'No such viewer in this workspace');
    const db = this.tx.none;
    const [stored, latest, settings] = [
      await this.streaks.findStreak(db, workspaceId, viewer.id),
      await this.streaks.latestStream(db, workspaceId),
      await this.settings.forWorkspace(workspaceId),
    ];
    const live = latest !== null && latest.endedAt === null;
    const state = stored ?? {
      current: 0,
      best: 0,
      streamsAttended: 0,
      lastStreamSeq: null,
      lastStreamAt: null,
    };
    const current = currentStreak(state, latest ? { seq: latest.seq, live } : null);
    return {
      workspaceId,
      viewerId: viewer.id,
      current,
      best: state.best,
      streamsAttended: state.streamsAttended,
      lastStreamAt: state.lastStreamAt ? state.lastStreamAt.toISOString() : null,
      attendingNow: live && state.lastStreamSeq === latest.seq,
      nextBonus: nextStreakBonus(settings.streakBonuses, current),
    };
  }

  /**
   * Counts the viewers as attending the running stream (presence listed by a platform, a meeting's
   * participants); nothing happens when no stream runs. Safe to repeat.
   */
  async attend(workspaceId: string, viewerIds: readonly string[], reads?: SharedReads): Promise<void> {
    const running = await sharedRead(reads, openStreamKey(workspaceId), () =>
      this.streaks.openStream(this.tx.none, workspaceId),
    );
    if (!running) return;
    const { streakBonuses } = await this.settings.forWorkspace(workspaceId);
    for (const viewerId of new Set(viewerIds)) {
      await this.ledger.run(async (tx) => {
        // Read again inside: the stream may have ended since.
        const stream = await this.streaks.openStream(tx, workspaceId);
        if (!stream || !(await this.streaks.attend(tx, stream, workspaceId, viewerId))) return;
        const stored = await this.streaks.lockStreak(tx, workspaceId, viewerId);
        const { state, counted } = attendStream(stored, stream.seq);
        if (!counted) return;
        await this.streaks.saveStreak(tx, workspaceId, viewerId, {
          ...state,
          lastStreamAt: stream.startedAt,
        });
        const bonus = streakBonus(streakBonuses, state.current);
        if (bonus > 0) {
          await this.ledger.credit(tx, {
            workspaceId,
            viewerId,
            amount: bonus,
            reason: 'streak',
            sourceKey: `streak:${stream.id}:${viewerId}`,
            note: `${state.current} streams in a row`,
          });
        }
      });
    }
  }

  /** A source went live or offline: opens the workspace's next stream or ends the running one. */
  async setSource(workspaceId: string, source: string, live: boolean, at: Date): Promise<void> {
    await this.tx.run(async (tx) => {
      await this.streaks.lockWorkspace(tx, workspaceId);
      if (!(await this.streaks.setSource(tx, workspaceId, source, live, at))) return;
      const sources = await this.streaks.liveSources(tx, workspaceId);
      const open = await this.streaks.openStream(tx, workspaceId);
      if (sources > 0 && !open) await this.streaks.startStream(tx, workspaceId, at);
      if (sources === 0 && open) await this.streaks.endStream(tx, open.id, at);
    });
  }

  private async connectionLive({ event, reads }: ChatEventPayload, live: boolean): Promise<void> {
    // Later events of the same batch must see the stream this one opened or ended.
    reads?.forget(openStreamKey(event.workspaceId));
    const at = new Date(event.occurredAt);
    await this.setSource(
      event.workspaceId,
      `connection:${event.connectionId}`,
      live,
      isNaN(at.getTime()) ? new Date() : at,
    );
  }

  private async attendEvent({ event, reads }: ChatEventPayload): Promise<void> {
    // Podium's own lines echoed back by a platform are not a viewer attending.
    if (!event.viewerId || event.detail?.['isBot'] === true) return;
    await this.attend(event.workspaceId, [event.viewerId], reads);
  }

  private async merge(workspaceId: string, sourceId: string, targetId: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const seqs = await this.streaks.mergeAttendance(tx, workspaceId, sourceId, targetId);
      const target = await this.streaks.lockStreak(tx, workspaceId, targetId);
      const pooled = streakFromAttendance(seqs);
      await this.streaks.saveStreak(tx, workspaceId, targetId, {
        ...pooled,
        best: Math.max(pooled.best, target.best),
        lastStreamAt: await this.streaks.streamStart(tx, workspaceId, pooled.lastStreamSeq),
      });
    });
  }

  /** For published (not retried) events: a failure is logged with its context, never thrown at the publisher. */
  private async quietly(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error({ err: error }, 'streak bookkeeping failed');
    }
  }
}
