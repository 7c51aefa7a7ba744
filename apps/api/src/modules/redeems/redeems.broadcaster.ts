import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { RedemptionDto } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { KeyedThrottle } from '../../common/concurrency/keyed-throttle';
import { rooms } from '../realtime/rooms';
import { toPublicRedemptionDto } from './redeems.mapper';
import { RedeemsGateway } from './redeems.gateway';

/** How often, at most, one workspace's queue changes are pushed while redeems pour in. */
export const REDEEM_PUSH_TICK_MS = 100;

/**
 * Committed redeem events → `redeem.queue` to the workspace's organizers, `redeem.public` (no notes)
 * to its overlays, `reward.changed` to organizers. Queue changes are batched per workspace: the
 * first goes out at once, those arriving within the next tick go together in one push (each push
 * crosses Redis to every replica, so a push per redeem would cost more than the redeem).
 */
@Injectable()
export class RedeemsBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RedeemsBroadcaster.name);
  private readonly offs: (() => void)[] = [];
  /** Per workspace, the latest version of each changed redemption, in the order they changed. */
  private readonly changed = new Map<string, Map<string, RedemptionDto>>();
  private readonly ticks = new KeyedThrottle(
    REDEEM_PUSH_TICK_MS,
    (workspaceId) => Promise.resolve(this.flush(workspaceId)),
    (workspaceId, error) => this.logger.error({ err: error, workspaceId }, 'redeem queue push failed'),
  );

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: RedeemsGateway,
  ) {}

  onModuleInit(): void {
    const push = ({ redemption }: { redemption: RedemptionDto }) => this.push(redemption);
    this.offs.push(
      this.events.on('redeem.created', push),
      this.events.on('redeem.fulfilled', push),
      this.events.on('redeem.refunded', push),
      this.events.on('redeem.rejected', push),
      this.events.on('reward.changed', (payload) => {
        this.gateway.server.to(rooms.workspace(payload.workspaceId)).emit('reward.changed', payload);
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const off of this.offs) off();
    await this.ticks.stop();
  }

  private push(redemption: RedemptionDto): void {
    const { workspaceId } = redemption;
    let batch = this.changed.get(workspaceId);
    if (!batch) {
      batch = new Map();
      this.changed.set(workspaceId, batch);
    }
    batch.set(redemption.id, redemption);
    this.ticks.mark(workspaceId);
  }

  private flush(workspaceId: string): void {
    const batch = this.changed.get(workspaceId);
    this.changed.delete(workspaceId);
    if (!batch || batch.size === 0) return;
    const redemptions = [...batch.values()];
    this.gateway.server.to(rooms.workspace(workspaceId)).emit('redeem.queue', { workspaceId, redemptions });
    this.gateway.server
      .to(rooms.overlay(workspaceId))
      .emit('redeem.public', { workspaceId, redemptions: redemptions.map(toPublicRedemptionDto) });
  }
}
