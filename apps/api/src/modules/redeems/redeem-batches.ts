import { Injectable } from '@nestjs/common';
import type { LedgerReason, RedemptionStatus } from '@podium/contracts';
import { KeyedGroupCommit } from '../../common/concurrency/group-commit';
import { TransactionRunner } from '../../database/transaction';
import { PointsLedger } from '../points/points-ledger';
import {
  type RedeemContext,
  type RedeemContextCall,
  RedeemContextRepository,
} from './redeem-context.repository';
import { type NewRedemption, RedemptionsRepository, type StoredRedemption } from './redemptions.repository';

/** A redeem that needs nothing but a redemption row and a debit (no claims, no type handler work). */
export interface BatchedRedeem extends NewRedemption {
  status: Extract<RedemptionStatus, 'pending' | 'fulfilled'>;
  reason: LedgerReason;
}

export type BatchedOutcome =
  | { kind: 'written'; stored: StoredRedemption; balance: number }
  | { kind: 'insufficient' }
  /** The request id was already used: answer with what it did then. */
  | { kind: 'replayed' }
  /** Not decided here (a twin request id in the batch, a vanished viewer…): redeem it on its own. */
  | { kind: 'alone' };

/** Enough to pay one transaction for a burst; small enough to keep each batch's locks brief. */
const MAX_BATCH = 64;

/**
 * Group commit for redeems: what one workspace's concurrent redeems read before deciding goes in
 * one statement, and the plain redeems that arrive while its previous batch is being written go
 * together in ONE transaction of three statements (insert every redemption, debit every viewer with
 * a running sum, drop the redemptions of refused debits) instead of four statements each. A lone
 * redeem is read and written at once; a failed batch is done again one by one (GroupCommit), so a
 * bad item fails only its own caller.
 */
@Injectable()
export class RedeemBatches {
  private readonly groups = new KeyedGroupCommit<BatchedRedeem, BatchedOutcome>(
    (workspaceId, items) => this.write(workspaceId, items),
    MAX_BATCH,
  );

  private readonly reads = new KeyedGroupCommit<RedeemContextCall, RedeemContext>(
    (workspaceId, calls) => this.contexts.readMany(this.tx.none, workspaceId, calls),
    MAX_BATCH,
  );

  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: PointsLedger,
    private readonly redemptions: RedemptionsRepository,
    private readonly contexts: RedeemContextRepository,
  ) {}

  /** Everything a redeem reads before its transaction (see RedeemContextRepository). */
  read(workspaceId: string, call: RedeemContextCall): Promise<RedeemContext> {
    return this.reads.submit(workspaceId, call);
  }

  /** Writes a plain redeem in its workspace's next batch. */
  submit(redeem: BatchedRedeem): Promise<BatchedOutcome> {
    return this.groups.submit(redeem.workspaceId, redeem);
  }

  private async write(workspaceId: string, items: BatchedRedeem[]): Promise<BatchedOutcome[]> {
    const outcomes: BatchedOutcome[] = items.map(() => ({ kind: 'alone' }));
    // A request id twice in one batch: the first goes in, the others are decided alone afterwards.
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      if (!first.has(item.requestId)) first.set(item.requestId, i);
    });
    const firsts = [...first.values()];
    await this.ledger.run(async (tx) => {
      const inserted = await this.redemptions.insertMany(
        tx,
        workspaceId,
        firsts.map((i) => items[i] as BatchedRedeem),
      );
      const byRequest = new Map(inserted.map((row) => [row.request_id, row]));
      const written: { index: number; stored: StoredRedemption }[] = [];
      for (const index of firsts) {
        const stored = byRequest.get((items[index] as BatchedRedeem).requestId);
        if (stored) written.push({ index, stored });
        else outcomes[index] = { kind: 'replayed' };
      }
      const debits = await this.ledger.debitMany(
        tx,
        workspaceId,
        written.map(({ index, stored }) => {
          const item = items[index] as BatchedRedeem;
          return {
            viewerId: item.viewerId,
            amount: item.spent,
            reason: item.reason,
            sourceKey: `redeem:${stored.id}`,
            note: item.rewardName,
          };
        }),
      );
      const dropped: string[] = [];
      written.forEach(({ index, stored }, i) => {
        const debit = debits[i];
        if (debit?.applied) {
          outcomes[index] = { kind: 'written', stored, balance: debit.balance };
          return;
        }
        dropped.push(stored.id);
        outcomes[index] = debit && !debit.alone ? { kind: 'insufficient' } : { kind: 'alone' };
      });
      await this.redemptions.discard(tx, workspaceId, dropped);
    });
    return outcomes;
  }
}
