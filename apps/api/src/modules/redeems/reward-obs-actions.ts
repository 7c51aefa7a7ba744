import { Injectable, Logger } from '@nestjs/common';
import type { ObsAction, RedemptionDto } from '@podium/contracts';
import { DomainEvents } from '../../common/events/domain-events';
import type { RewardConfig, RewardCore } from './rewards.repository';

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
 * The redeem calls `fire` once per redemption, after its commit, with the reward it just read (no
 * second read per redeem); the push carries the redemption id so an overlay that hears it twice
 * acts once.
 */
@Injectable()
export class RewardObsActions {
  private readonly logger = new Logger(RewardObsActions.name);

  constructor(private readonly events: DomainEvents) {}

  fire(redemption: RedemptionDto, reward: Pick<RewardCore, 'id' | 'name' | 'config'>): void {
    const action = reward.config.obsAction;
    if (!action) return;
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
