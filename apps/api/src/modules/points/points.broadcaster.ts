import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { PointsBalanceChangeDto } from '@podium/contracts';
import { KeyedBatches } from '../../common/concurrency/keyed-batches';
import { DomainEvents } from '../../common/events/domain-events';
import { rooms } from '../realtime/rooms';
import { PointsGateway } from './points.gateway';

/** How often, at most, one workspace's balance changes are pushed while they pour in (redeems). */
export const POINTS_PUSH_TICK_MS = 100;

/**
 * `points.changed` to the workspace's organizers once a balance change committed: one push per
 * workspace per tick with every viewer's latest balance (KeyedBatches; a burst of redeems used to
 * cost one push per viewer, each crossing Redis to every replica).
 */
@Injectable()
export class PointsBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PointsBroadcaster.name);
  private off: (() => void) | undefined;
  private readonly changed = new KeyedBatches<PointsBalanceChangeDto>({
    intervalMs: POINTS_PUSH_TICK_MS,
    flush: (workspaceId, changes) =>
      this.gateway.server.to(rooms.workspace(workspaceId)).emit('points.changed', { workspaceId, changes }),
    onError: (workspaceId, error) => this.logger.error({ err: error, workspaceId }, 'points push failed'),
  });

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: PointsGateway,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on('points.changed', ({ workspaceId, viewerId, balance }) =>
      this.changed.add(workspaceId, { viewerId, balance }, viewerId),
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.off?.();
    await this.changed.stop();
  }
}
