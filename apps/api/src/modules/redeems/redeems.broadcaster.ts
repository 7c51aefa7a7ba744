import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { RedemptionDto } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { KeyedBatches } from '../../common/concurrency/keyed-batches';
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
  private readonly changed = new KeyedBatches<RedemptionDto>({
    intervalMs: REDEEM_PUSH_TICK_MS,
    flush: (workspaceId, redemptions) => this.flush(workspaceId, redemptions),
    onError: (workspaceId, error) =>
      this.logger.error({ err: error, workspaceId }, 'redeem queue push failed'),
  });

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: RedeemsGateway,
  ) {}

  onModuleInit(): void {
    const push = ({ redemption }: { redemption: RedemptionDto }) =>
      this.changed.add(redemption.workspaceId, redemption, redemption.id);
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
    await this.changed.stop();
  }

  private flush(workspaceId: string, redemptions: RedemptionDto[]): void {
    this.gateway.server.to(rooms.workspace(workspaceId)).emit('redeem.queue', { workspaceId, redemptions });
    this.gateway.server
      .to(rooms.overlay(workspaceId))
      .emit('redeem.public', { workspaceId, redemptions: redemptions.map(toPublicRedemptionDto) });
  }
}
