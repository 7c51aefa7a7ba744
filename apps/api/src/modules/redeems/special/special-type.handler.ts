import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isAllowedSpecialUrl } from '@podium/redeems';
import type { Tx } from '../../../database/transaction';
import { TypedRewardsRepository } from '../goals/typed-rewards.repository';
import { RedeemsErrorCode, RedeemsException } from '../redeems.exception';
import {
  type RedeemContext,
  type RedeemOutcome,
  type RewardTypeHandler,
  RewardTypeHandlers,
} from '../reward-type-handlers';
import { SpecialDeliveriesRepository } from './special-deliveries.repository';

/**
 * A special redeem records a pending delivery in the redeem's transaction; the POST itself runs
 * from a job after the commit (SpecialDeliveries), never inside the transaction.
 */
@Injectable()
export class SpecialTypeHandler implements RewardTypeHandler, OnModuleInit {
  readonly type = 'special' as const;

  constructor(
    private readonly handlers: RewardTypeHandlers,
    private readonly rewards: TypedRewardsRepository,
    private readonly deliveries: SpecialDeliveriesRepository,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async onRedeem(tx: Tx, redeem: RedeemContext): Promise<RedeemOutcome> {
    const reward = await this.rewards.find(tx, redeem.workspaceId, redeem.rewardId);
    const special = reward?.config['special'] as { url?: unknown; secretSealed?: unknown } | undefined;
    const url = typeof special?.url === 'string' ? special.url : '';
    if (!reward || !isAllowedSpecialUrl(url) || typeof special?.secretSealed !== 'string') {
      throw new RedeemsException(RedeemsErrorCode.Refused, 'This reward is not set up');
    }
    await this.deliveries.insert(tx, {
      redemptionId: redeem.redemptionId,
      workspaceId: redeem.workspaceId,
      rewardId: redeem.rewardId,
      url,
    });
    // The streamer still sees it in the queue (unless the reward auto-fulfils); the delivery's
    // outcome is kept beside it.
    return { queue: true };
  }
}
