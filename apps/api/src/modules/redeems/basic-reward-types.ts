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

@Injectable()
export class BasicRewardTypes implements OnModuleInit {
  constructor(private readonly handlers: RewardTypeHandlers) {}

  onModuleInit(): void {
    this.handlers.register(new BasicRewardType('list', { queue: true }));
    this.handlers.register(new BasicRewardType('note', { queue: true }));
    this.handlers.register(new BasicRewardType('counter', { queue: false }));
  }
}
