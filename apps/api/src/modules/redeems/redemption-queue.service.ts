import { Injectable } from '@nestjs/common';
import type {
  ClearQueueRequestSchema,
  ClearQueueResultDto,
  PublicRedemptionDto,
  RedemptionDto,
  RedemptionPageDto,
  RedemptionQueueQuerySchema,
} from '@podium/contracts';
import type { QueueDecision } from '@podium/redeems';
import { nextStatus } from '@podium/redeems';
import type { z } from 'zod';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner, type Tx } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { PointsLedger } from '../points/points-ledger';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { RedeemsErrorCode, RedeemsException } from './redeems.exception';
import { toPublicRedemptionDto, toRedemptionDto } from './redeems.mapper';
import { RedemptionsRepository } from './redemptions.repository';
import { RewardsService } from './rewards.service';

const PUBLIC_QUEUE_LIMIT = 50;

/**
 * The live queue: moderators list it and decide each pending redemption once (fulfil, refund with
 * the points back through the ledger, reject keeping them), clear it, and reset counters.
 */
@Injectable()
export class RedemptionQueueService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly redemptions: RedemptionsRepository,
    private readonly ledger: PointsLedger,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
    private readonly rewards: RewardsService,
  ) {}

  async list(
    actor: Actor,
    workspaceId: string,
    query: z.output<typeof RedemptionQueueQuerySchema>,
  ): Promise<RedemptionPageDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.listOf(workspaceId, query);
  }

  /** The queue without an access check (the public API, after its scope check). */
  async listOf(
    workspaceId: string,
    query: z.output<typeof RedemptionQueueQuerySchema>,
  ): Promise<RedemptionPageDto> {
    const rows = await this.redemptions.page(this.tx.none, workspaceId, query);
    const page = rows.slice(0, query.limit);
    return {
      redemptions: page.map(toRedemptionDto),
      nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }

  /** Redemptions made between two times, without an access check (reports). */
  countCreatedBetween(workspaceId: string, from: Date, to: Date): Promise<number> {
    return this.redemptions.countCreatedBetween(this.tx.none, workspaceId, from, to);
  }

  async get(actor: Actor, workspaceId: string, id: string): Promise<RedemptionDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.getOf(workspaceId, id);
  }

  /** One redemption without an access check (the public API, after its scope check). */
  async getOf(workspaceId: string, id: string): Promise<RedemptionDto> {
    const row = await this.redemptions.find(this.tx.none, workspaceId, id);
    if (!row) throw notFound();
    return toRedemptionDto(row);
  }

  async decide(
    actor: Actor,
    workspaceId: string,
    id: string,
    decision: QueueDecision,
  ): Promise<RedemptionDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.decideAs(workspaceId, id, decision, actor.userId);
  }

  /** One decision, once: a second (or a racing twin) answers 409. `userId` null: the CLI or the system. */
  async decideAs(
    workspaceId: string,
    id: string,
    decision: QueueDecision,
    userId: string | null,
  ): Promise<RedemptionDto> {
    const to = nextStatus('pending', decision);
    if (!to || to === 'pending') throw new Error(`no transition for ${decision}`);
    const decided = await this.ledger.run(async (tx) => {
      const row = await this.redemptions.decide(tx, workspaceId, id, to, userId);
      if (!row) return null;
      if (to === 'refunded') await this.refund(tx, workspaceId, row, userId);
      return row;
    });
    if (!decided) {
      const current = await this.redemptions.find(this.tx.none, workspaceId, id);
      if (!current) throw notFound();
      throw new RedeemsException(
        RedeemsErrorCode.AlreadyDecided,
        `This redemption is already ${current.status}`,
      );
    }
    const [redemption] = await this.published(workspaceId, [id]);
    if (!redemption) throw notFound();
    return redemption;
  }

  /**
   * Every pending redemption (of one reward, or all) leaves the queue in one transaction:
   * refunded through the ledger by default, or rejected with `refund: false`.
   */
  async clear(
    actor: Actor,
    workspaceId: string,
    body: z.output<typeof ClearQueueRequestSchema>,
  ): Promise<ClearQueueResultDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.clearAs(workspaceId, body, actor.userId);
  }

  async clearAs(
    workspaceId: string,
    body: { refund: boolean; rewardId?: string },
    userId: string | null,
  ): Promise<ClearQueueResultDto> {
    const status = body.refund ? 'refunded' : 'rejected';
    const rows = await this.ledger.run(async (tx) => {
      const decided = await this.redemptions.decideAllPending(
        tx,
        workspaceId,
        body.rewardId ?? null,
        status,
        userId,
      );
      if (status === 'refunded') {
        for (const row of decided) await this.refund(tx, workspaceId, row, userId);
      }
      return decided;
    });
    await this.published(
      workspaceId,
      rows.map((row) => row.id),
    );
    return { cleared: rows.length, status };
  }

  async resetCounters(
    actor: Actor,
    workspaceId: string,
    rewardId: string | null,
  ): Promise<{ reset: number }> {
    await this.access.require(actor, workspaceId, 'moderator');
    return { reset: await this.rewards.resetCountersOf(workspaceId, rewardId) };
  }

  /** The public queue: pending redemptions, oldest first, without notes (viewer panel, overlays). */
  async publicQueue(workspaceId: string): Promise<PublicRedemptionDto[]> {
    const rows = await this.redemptions.publicQueue(this.tx.none, workspaceId, PUBLIC_QUEUE_LIMIT);
    return rows.map((row) => toPublicRedemptionDto(toRedemptionDto(row)));
  }

  /**
   * Ids of the viewer's own pending redemptions (free ones included; identities merged into the
   * viewer too), so the viewer panel can mark its entries in the public queue. No access check: for
   * the api's own use, with a viewer id the caller already trusts.
   */
  async pendingOf(workspaceId: string, viewerId: string): Promise<string[]> {
    return this.redemptions.pendingIdsOf(this.tx.none, workspaceId, viewerId);
  }

  private async refund(
    tx: Tx,
    workspaceId: string,
    row: { id: string; viewer_id: string; spent: string; reward_name: string },
    userId: string | null,
  ): Promise<void> {
    const amount = Number(row.spent);
    if (amount <= 0) return;
    await this.ledger.credit(tx, {
      workspaceId,
      viewerId: row.viewer_id,
      amount,
      reason: 'refund',
      sourceKey: `refund:${row.id}`,
      actorUserId: userId,
      note: row.reward_name,
    });
  }

  /** Reads the decided rows after commit and publishes one domain event each. */
  private async published(workspaceId: string, ids: readonly string[]): Promise<RedemptionDto[]> {
    const rows = await this.redemptions.findMany(this.tx.none, workspaceId, ids);
    const redemptions = rows.map(toRedemptionDto);
    for (const redemption of redemptions) {
      switch (redemption.status) {
        case 'fulfilled':
          this.events.publish('redeem.fulfilled', { redemption });
          break;
        case 'refunded':
          this.events.publish('redeem.refunded', { redemption });
          break;
        case 'rejected':
          this.events.publish('redeem.rejected', { redemption });
          break;
        case 'pending':
          break;
      }
    }
    return redemptions;
  }
}

function notFound(): RedeemsException {
  return new RedeemsException(RedeemsErrorCode.RedemptionNotFound, 'No such redemption in this workspace');
}
