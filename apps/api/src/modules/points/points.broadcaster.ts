import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { PointsBalanceChangeDto } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { KeyedThrottle } from '../../common/concurrency/keyed-throttle';
import { rooms } from '../realtime/rooms';
import { PointsGateway } from './points.gateway';

/** How often, at most, one workspace's balance changes are pushed while they pour in (redeems). */
export const POINTS_PUSH_TICK_MS = 100;

/**
 * `points.changed` to the workspace's organizers once a balance change committed. Pushes are
 * coalesced per workspace per tick: the first goes out at once, and the next carries every viewer's
 * latest balance changed within the tick (every push crosses Redis to every replica; a burst of
 * redeems used to cost one push per viewer).
 */
@Injectable()
export class PointsBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PointsBroadcaster.name);
  private off: (() => void) | undefined;
  /** Per workspace, the latest balance of each viewer that changed since the last push. */
  private readonly changed = new Map<string, Map<string, PointsBalanceChangeDto>>();
  private readonly ticks = new KeyedThrottle(
    POINTS_PUSH_TICK_MS,
    (workspaceId) => Promise.resolve(this.flush(workspaceId)),
    (workspaceId, error) => this.logger.error({ err: error, workspaceId }, 'points push failed'),
  );

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: PointsGateway,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on('points.changed', (change) => {
      let batch = this.changed.get(change.workspaceId);
      if (!batch) {
        batch = new Map();
        this.changed.set(change.workspaceId, batch);
      }
      batch.set(change.viewerId, { viewerId: change.viewerId, balance: change.balance });
      this.ticks.mark(change.workspaceId);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.off?.();
    await this.ticks.stop();
  }

  private flush(workspaceId: string): void {
    const batch = this.changed.get(workspaceId);
    this.changed.delete(workspaceId);
    if (!batch || batch.size === 0) return;
    this.gateway.server
      .to(rooms.workspace(workspaceId))
      .emit('points.changed', { workspaceId, changes: [...batch.values()] });
  }
}
