import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { RedemptionDto } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { rooms } from '../realtime/rooms';
import { toPublicRedemptionDto } from './redeems.mapper';
import { RedeemsGateway } from './redeems.gateway';

/**
 * Committed redeem events → `redeem.queue` to the workspace's organizers, `redeem.public` (no notes)
 * to its overlays, `reward.changed` to organizers.
 */
@Injectable()
export class RedeemsBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly offs: (() => void)[] = [];

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

  onModuleDestroy(): void {
    for (const off of this.offs) off();
  }

  private push(redemption: RedemptionDto): void {
    const { workspaceId } = redemption;
    this.gateway.server
      .to(rooms.workspace(workspaceId))
      .emit('redeem.queue', { workspaceId, redemptions: [redemption] });
    this.gateway.server
      .to(rooms.overlay(workspaceId))
      .emit('redeem.public', { workspaceId, redemptions: [toPublicRedemptionDto(redemption)] });
  }
}
