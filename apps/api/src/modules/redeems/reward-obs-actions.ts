import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ObsAction, RedemptionDto } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner } from '../../database/transaction';
import type { RewardConfig } from './rewards.repository';
import { RewardsRepository } from './rewards.repository';

/**
 * A reward's OBS action lives in its `config` jsonb beside the type's settings. `requested`
 * undefined keeps the current one, null removes it.
 */
export function withObsAction(
  config: RewardConfig,
  requested: ObsAction | null | undefined,
  current: ObsAction | undefined,
): RewardConfig {
  const { obsAction: _dropped, ...rest } = config;
  const obsAction = requested === undefined ? current : (requested ?? undefined);
  return obsAction ? { ...rest, obsAction } : rest;
}

/**
 * Each committed redeem of a reward with an OBS action asks the `obs` overlays to carry it out.
 * `redeem.created` is published once per redemption, after its commit; the push carries the
 * redemption id so an overlay that hears it twice acts once.
 */
@Injectable()
export class RewardObsActions implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RewardObsActions.name);
  private off: (() => void) | null = null;

  constructor(
    private readonly events: DomainEvents,
    private readonly rewards: RewardsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.off = this.events.on('redeem.created', ({ redemption }) => this.fire(redemption));
  }

  onModuleDestroy(): void {
    this.off?.();
  }

  async fire(redemption: RedemptionDto): Promise<void> {
    const reward = await this.rewards.find(this.tx.none, redemption.workspaceId, redemption.reward.id);
    const action = reward?.config.obsAction;
    if (!reward || !action) return;
    this.logger.log(
      { workspaceId: redemption.workspaceId, rewardId: reward.id, action: action.action },
      'OBS action',
    );
    this.events.publish('obs.actionRequested', {
      workspaceId: redemption.workspaceId,
      id: `redeem:${redemption.id}`,
      action,
      source: { kind: 'reward', id: reward.id, name: reward.name },
      firedAt: new Date().toISOString(),
    });
  }
}
