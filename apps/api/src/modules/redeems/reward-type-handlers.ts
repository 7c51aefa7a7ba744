import { Injectable } from '@nestjs/common';
import type { RewardType } from '@podium/contracts';
import type { Tx } from '../../database/transaction';
import { RedeemsErrorCode, RedeemsException } from './redeems.exception';

/** What a type's handler is told about a redeem, inside the redeem's transaction. */
export interface RedeemContext {
  workspaceId: string;
  rewardId: string;
  /** Already inserted (status pending) in this transaction. */
  redemptionId: string;
  viewerId: string;
  /** Points debited: the price, a goal contribution, or votes × price per vote. */
  spent: number;
  note: string | null;
  /** vote: the chosen option. */
  optionId: string | null;
}

/** What a handler decides: whether the redemption waits in the queue, or is fulfilled at once. */
export interface RedeemOutcome {
  /** true: stays pending in the queue (unless autoFulfil). false: fulfilled at once. */
  queue: boolean;
  /** Fulfil at once even if the reward's own autoFulfil is off. */
  autoFulfil?: boolean;
}

export interface RewardTypeHandler {
  readonly type: RewardType;
  /**
   * Runs inside the redeem's transaction after the debit; may refuse by throwing RedeemsException
   * (the whole redeem rolls back, nothing is spent). Never await other pooled queries here.
   */
  onRedeem(tx: Tx, redeem: RedeemContext): Promise<RedeemOutcome>;
}

/** One handler per reward type: redeems-core registers list/note/counter, goals-votes the rest. */
@Injectable()
export class RewardTypeHandlers {
  private readonly handlers = new Map<RewardType, RewardTypeHandler>();

  register(handler: RewardTypeHandler): void {
    if (this.handlers.has(handler.type)) throw new Error(`reward type ${handler.type} registered twice`);
    this.handlers.set(handler.type, handler);
  }

  get(type: RewardType): RewardTypeHandler {
    const handler = this.handlers.get(type);
    if (!handler) {
      throw new RedeemsException(RedeemsErrorCode.TypeUnavailable, `${type} rewards cannot be redeemed yet`);
    }
    return handler;
  }

  has(type: RewardType): boolean {
    return this.handlers.has(type);
  }
}
