import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RewardType } from '@podium/contracts';
import { type RedeemOutcome, type RewardTypeHandler, RewardTypeHandlers } from './reward-type-handlers';

/** list and note go in the queue (the note is checked before); a counter only counts, fulfilled at once. */
class BasicRewardType implements RewardTypeHandler {
  constructor(
    readonly type: RewardType,
    private readonly outcome: RedeemOutcome,
  ) {}

  onRedeem(): Promise<RedeemOutcome> {
    return Promise.resolve(this.outcome);
  }
}

/** What the basic types decide, known before any write: their redeems can be written in batches. */
export const BASIC_OUTCOMES: ReadonlyMap<RewardType, RedeemOutcome> = new Map<RewardType, RedeemOutcome>([
  ['list', { queue: true }],
  ['note', { queue: true }],
  ['counter', { queue: false }],
]);

@Injectable()
export class BasicRewardTypes implements OnModuleInit {
  constructor(private readonly handlers: RewardTypeHandlers) {}

  onModuleInit(): void {
    for (const [type, outcome] of BASIC_OUTCOMES) this.handlers.register(new BasicRewardType(type, outcome));
  }
}
