import { Injectable } from '@nestjs/common';
import type { LedgerReason, RedeemRefusal } from '@podium/contracts';
import { cooldownSecondsLeft, initialStatus } from '@podium/redeems';
import type { Tx } from '../../database/transaction';
import { PointsLedger } from '../points/points-ledger';
import { BASIC_OUTCOMES } from './basic-reward-types';
import { RedeemBatches } from './redeem-batches';
import { RedeemsErrorCode, RedeemsException } from './redeems.exception';
import { type NewRedemption, RedemptionsRepository, type StoredRedemption } from './redemptions.repository';
import { RewardClaimsRepository } from './reward-claims.repository';
import { RewardTypeHandlers } from './reward-type-handlers';
import type { RewardCore } from './rewards.repository';

/** A refusal decided inside the transaction: thrown to roll it back, turned into a result. */
export class Refusal extends Error {
  constructor(
    readonly reason: RedeemRefusal,
    message: string,
    readonly cooldownSeconds?: number,
  ) {
    super(message);
  }
}

/** The same request id was redeemed before: answer with what it did then. */
export class Replayed extends Error {}

const LEDGER_REASON: Record<string, LedgerReason> = { goal: 'goal', vote: 'vote' };

export interface WrittenRedeem {
  stored: StoredRedemption;
  balance: number;
}

/**
 * The write half of a redeem, once every check that needs no transaction passed: a plain redeem
 * goes in its workspace's next batch (RedeemBatches); any other (claims, a type handler with work
 * to do, a free reward) gets ONE transaction of its own that records the redemption (unique request
 * id), claims cooldowns and limits with conditional upserts, debits the ledger with one conditional
 * update and runs the type's handler. Refusals and replays are thrown (Refusal, Replayed).
 */
@Injectable()
export class RedeemWriter {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly redemptions: RedemptionsRepository,
    private readonly claims: RewardClaimsRepository,
    private readonly batches: RedeemBatches,
    private readonly handlers: RewardTypeHandlers,
  ) {}

  async write(write: NewRedemption, reward: RewardCore, stream: string): Promise<WrittenRedeem> {
    return (await this.writeBatched(write, reward)) ?? (await this.writeAlone(write, reward, stream));
  }

  /**
   * A plain redeem (a basic type, a price, no cooldown or limit to claim) goes in its workspace's
   * next batch; null when it does not qualify or the batch left it to be written alone.
   */
  private async writeBatched(write: NewRedemption, reward: RewardCore): Promise<WrittenRedeem | null> {
    const basic = BASIC_OUTCOMES.get(reward.type);
    const claims =
      reward.global_cooldown_seconds > 0 ||
      reward.viewer_cooldown_seconds > 0 ||
      reward.max_per_stream !== null ||
      reward.max_per_viewer !== null;
    if (!basic || claims || write.spent <= 0) return null;
    const status = initialStatus(basic, reward.auto_fulfil) === 'fulfilled' ? 'fulfilled' : 'pending';
    const batched = await this.batches.submit({ ...write, status, reason: 'redeem' });
    switch (batched.kind) {
      case 'written':
        return batched;
      case 'insufficient':
        throw new Refusal('insufficient', `Not enough points for ${reward.name}`);
      case 'replayed':
        throw new Replayed();
      case 'alone':
        return null;
    }
  }

  /** One transaction for one redeem: insert, claims, debit, the type's handler. */
  private writeAlone(write: NewRedemption, reward: RewardCore, stream: string): Promise<WrittenRedeem> {
    const { workspaceId, viewerId, spent } = write;
    return this.ledger.run(async (tx) => {
      const inserted = await this.redemptions.insert(tx, write);
      if (!inserted) throw new Replayed();
      const { id } = inserted;
      await this.claim(tx, reward, viewerId, stream);
      // A free reward moves no points: the ledger takes positive amounts only.
      const debit =
        spent > 0
          ? await this.ledger.debit(tx, {
              workspaceId,
              viewerId,
              amount: spent,
              reason: LEDGER_REASON[reward.type] ?? 'redeem',
              sourceKey: `redeem:${id}`,
              note: reward.name,
            })
          : { applied: true as const, balance: await this.ledger.balance(tx, workspaceId, viewerId) };
      if (!debit.applied) throw new Refusal('insufficient', `Not enough points for ${reward.name}`);
      let handled;
      try {
        handled = await this.handlers.get(reward.type).onRedeem(tx, {
          workspaceId,
          rewardId: reward.id,
          redemptionId: id,
          viewerId,
          spent,
          note: write.note,
          optionId: write.optionId,
        });
      } catch (error) {
        if (error instanceof RedeemsException && error.code === RedeemsErrorCode.Refused) {
          throw new Refusal('invalid', error.message);
        }
        throw error;
      }
      const stored =
        initialStatus(handled, reward.auto_fulfil) === 'fulfilled'
          ? {
              ...inserted,
              status: 'fulfilled' as const,
              decided_at: await this.redemptions.fulfilNow(tx, id),
            }
          : inserted;
      return { stored, balance: debit.balance };
    });
  }

  /** Cooldowns, then limits: each one conditional upsert that only wins while allowed. */
  private async claim(tx: Tx, reward: RewardCore, viewerId: string, stream: string): Promise<void> {
    const cooldowns = [
      { scope: 'global', seconds: reward.global_cooldown_seconds },
      { scope: `viewer:${viewerId}`, seconds: reward.viewer_cooldown_seconds },
    ];
    for (const { scope, seconds } of cooldowns) {
      if (seconds <= 0) continue;
      const running = await this.claims.claimCooldown(tx, {
        workspaceId: reward.workspace_id,
        rewardId: reward.id,
        scope,
        seconds,
      });
      if (running) {
        const left = cooldownSecondsLeft(running.until.getTime(), running.now.getTime());
        throw new Refusal('cooldown', `${reward.name} is on cooldown for ${left}s`, Math.max(1, left));
      }
    }
    const limits = [
      { scope: 'stream', max: reward.max_per_stream },
      { scope: `viewer:${viewerId}`, max: reward.max_per_viewer },
    ];
    for (const { scope, max } of limits) {
      if (max === null) continue;
      const ok = await this.claims.claimLimit(tx, {
        workspaceId: reward.workspace_id,
        rewardId: reward.id,
        scope,
        streamKey: stream,
        max,
      });
      if (!ok) throw new Refusal('limit', `${reward.name} has reached its limit for this stream`);
    }
  }
}
