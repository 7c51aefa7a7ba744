import { Injectable, Logger } from '@nestjs/common';
import type {
  ModeratorRedeemRequestSchema,
  RedeemRefusal,
  RedeemRequestSchema,
  RedeemResultDto,
  RedeemSource,
  RedemptionDto,
  ViewerRole,
} from '@podium/contracts';
import { cooldownSecondsLeft, isEligible, isRewardActive, redeemCost, streamKey } from '@podium/redeems';
import type { z } from 'zod';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { ChatLogService } from '../chat/events/chat-log.service';
import { PointsLedger } from '../points/points-ledger';
import { PointsService } from '../points/points.service';
import { PointsSettingsService } from '../points/points-settings.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { RedeemEligibility } from './redeem-eligibility';
import { RedeemsErrorCode, RedeemsException } from './redeems.exception';
import { toRedemptionDto } from './redeems.mapper';
import { RedeemBatches } from './redeem-batches';
import { Refusal, Replayed, RedeemWriter, type WrittenRedeem } from './redeem-writer';
import { type RedemptionRow, RedemptionsRepository } from './redemptions.repository';
import { RewardClaimsRepository } from './reward-claims.repository';
import { RewardObsActions } from './reward-obs-actions';
import type { RewardCore } from './rewards.repository';
import { RewardsService } from './rewards.service';

export type RedeemInput = z.output<typeof RedeemRequestSchema>;

export interface RedeemCall {
  workspaceId: string;
  /** Any identity of the viewer: the redemption belongs to the one it was merged into. */
  viewerId: string;
  request: RedeemInput;
  source: RedeemSource;
  /** Roles on the chat message that asked, if any (eligibility). */
  roles?: readonly ViewerRole[];
}

/** Whether a viewer can redeem a reward now (the panel's catalogue). */
export interface RewardAvailability {
  rewardId: string;
  /** null: looks possible; else the refusal a redeem would most likely get. */
  unavailable: RedeemRefusal | null;
  /** Seconds left on a running cooldown (global or the viewer's), else null. */
  cooldownSeconds: number | null;
}

/**
 * Redeeming, for REST, chat and the viewer panel alike. Reads that need other pooled connections
 * (the redeem's context, gathered per workspace; eligibility, the stream start) happen first; then
 * RedeemWriter records the redemption (unique request id) and debits the ledger: in the workspace's
 * next batch for a plain redeem, else in ONE transaction that also claims cooldowns and limits and
 * runs the type's handler. Nothing global is locked.
 */
@Injectable()
export class RedeemService {
  private readonly logger = new Logger(RedeemService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly rewards: RewardsService,
    private readonly redemptions: RedemptionsRepository,
    private readonly claims: RewardClaimsRepository,
    private readonly writer: RedeemWriter,
    private readonly batches: RedeemBatches,
    private readonly obsActions: RewardObsActions,
    private readonly ledger: PointsLedger,
    private readonly points: PointsService,
    private readonly settings: PointsSettingsService,
    private readonly eligibility: RedeemEligibility,
    private readonly chatLog: ChatLogService,
    private readonly events: DomainEvents,
    private readonly access: WorkspaceAccess,
  ) {}

  /** A moderator redeems on a viewer's behalf (POST /redeems). */
  async redeemFor(
    actor: Actor,
    workspaceId: string,
    body: z.output<typeof ModeratorRedeemRequestSchema>,
  ): Promise<RedeemResultDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const { viewerId, ...request } = body;
    return this.redeem({ workspaceId, viewerId, request, source: 'api' });
  }

  async redeem(call: RedeemCall): Promise<RedeemResultDto> {
    const { workspaceId, request } = call;
    const { viewer, requestSeen, reward, settings } = await this.batches.read(workspaceId, {
      viewerId: call.viewerId,
      requestId: request.requestId,
      rewardId: request.rewardId,
    });
    if (!viewer)
      throw new RedeemsException(RedeemsErrorCode.ViewerNotFound, 'No such viewer in this workspace');
    if (requestSeen) return this.replayRequest(workspaceId, request, viewer.id);
    if (!reward)
      throw new RedeemsException(RedeemsErrorCode.RewardNotFound, 'No such reward in this workspace');
    const passive = this.settings.parse(workspaceId, settings).passive;
    const precheck = await this.precheck(call, reward, viewer.id, passive);
    if (precheck instanceof Refusal) return this.refused(precheck, workspaceId, viewer.id, viewer.balance);
    // A first look at the balance: a click on a spent balance costs no transaction. The debit below
    // is still the one that decides (the balance may have moved since this read).
    if (precheck.spent > viewer.balance) {
      const refusal = new Refusal('insufficient', `Not enough points for ${reward.name}`);
      return this.refused(refusal, workspaceId, viewer.id, viewer.balance);
    }
    const { spent, stream } = precheck;
    const write = {
      workspaceId,
      rewardId: reward.id,
      rewardName: reward.name,
      rewardType: reward.type,
      viewerId: viewer.id,
      requestId: request.requestId,
      spent,
      note: request.note ?? null,
      optionId: request.optionId ?? null,
      source: call.source,
    };

    let outcome: WrittenRedeem;
    try {
      outcome = await this.writer.write(write, reward, stream);
    } catch (error) {
      if (error instanceof Refusal) return this.refused(error, workspaceId, viewer.id);
      if (error instanceof Replayed) return this.replayRequest(workspaceId, request, viewer.id);
      throw error;
    }
    // The row as the queue reads it, built from what is known: no read after the commit.
    const redemption = toRedemptionDto({
      ...outcome.stored,
      viewer_name: viewer.displayName,
      viewer_platform: viewer.platform,
      decided_by_name: null,
    });
    this.events.publish('redeem.created', { redemption });
    this.obsActions.fire(redemption, reward);
    return { outcome: outcomeOf(redemption), redemption, balance: outcome.balance };
  }

  /**
   * For the viewer panel's catalogue: why this viewer cannot redeem each reward now, as far as can be
   * told without claiming anything (passive, inactive, eligibility, a running cooldown, the price);
   * null when it looks possible. Limits and type rules are only known when redeeming.
   */
  async availabilityFor(workspaceId: string, viewerId: string): Promise<RewardAvailability[]> {
    const viewer = await this.points.resolveViewer(workspaceId, viewerId);
    if (!viewer)
      throw new RedeemsException(RedeemsErrorCode.ViewerNotFound, 'No such viewer in this workspace');
    const [rows, passive, balance, cooldowns] = [
      await this.rewards.rowsOf(workspaceId),
      await this.settings.isPassive(workspaceId),
      await this.ledger.balance(this.tx.none, workspaceId, viewer.id),
      await this.claims.runningCooldowns(this.tx.none, workspaceId, viewer.id),
    ];
    const needsFacts = rows.some((row) => row.eligibility !== 'everyone');
    const facts = needsFacts ? await this.eligibility.facts(workspaceId, viewer.id) : null;
    const cooling = new Map(cooldowns.map((c) => [c.reward_id, c]));
    return rows.map((row): RewardAvailability => {
      const cooldown = cooling.get(row.id);
      const seconds = cooldown ? cooldownSecondsLeft(cooldown.until.getTime(), cooldown.now.getTime()) : 0;
      const cost = redeemCost(priced(row), row.type === 'goal' ? Math.max(1, Number(row.price)) : undefined);
      let unavailable: RedeemRefusal | null = null;
      if (passive) unavailable = 'passive';
      else if (!isRewardActive({ enabled: row.enabled, categories: row.categories }))
        unavailable = 'inactive';
      else if (facts && !isEligible(row.eligibility, facts)) unavailable = 'not_eligible';
      else if (seconds > 0) unavailable = 'cooldown';
      else if (cost !== null && balance < cost) unavailable = 'insufficient';
      return { rewardId: row.id, unavailable, cooldownSeconds: seconds > 0 ? seconds : null };
    });
  }

  /**
   * Why a viewer cannot redeem one reward now, as far as can be told without claiming; null: go ahead.
   * (The panel calls it per reward; `availabilityFor` answers for every reward at once.)
   */
  async unavailable(
    workspaceId: string,
    viewerId: string,
    reward: RewardCore,
    balance: number,
  ): Promise<RedeemRefusal | null> {
    if (await this.settings.isPassive(workspaceId)) return 'passive';
    if (!isRewardActive({ enabled: reward.enabled, categories: reward.categories })) return 'inactive';
    if (!(await this.eligibility.allows(reward.eligibility, workspaceId, viewerId))) return 'not_eligible';
    const cooldowns = await this.claims.runningCooldowns(this.tx.none, workspaceId, viewerId);
    if (cooldowns.some((c) => c.reward_id === reward.id)) return 'cooldown';
    const cost = redeemCost(
      priced(reward),
      reward.type === 'goal' ? Math.max(1, Number(reward.price)) : undefined,
    );
    if (cost !== null && balance < cost) return 'insufficient';
    return null;
  }

  /** The checks that need no transaction, in the order a viewer understands them. */
  private async precheck(
    call: RedeemCall,
    reward: RewardCore,
    viewerId: string,
    passive: boolean,
  ): Promise<Refusal | { spent: number; stream: string }> {
    const { workspaceId, request } = call;
    if (passive) {
      return new Refusal('passive', 'Redeems are paused (passive mode)');
    }
    if (!isRewardActive({ enabled: reward.enabled, categories: reward.categories })) {
      return new Refusal('inactive', `${reward.name} is not available right now`);
    }
    if ((reward.requires_note || reward.type === 'note') && !request.note) {
      return new Refusal('note_required', `${reward.name} needs a note`);
    }
    if (reward.type === 'vote' && !request.optionId) {
      return new Refusal('invalid', `Choose an option for ${reward.name}`);
    }
    const spent = redeemCost(priced(reward), request.amount);
    if (spent === null) {
      return new Refusal(
        'invalid',
        reward.type === 'goal'
          ? `Give an amount of at least ${Math.max(1, Number(reward.price))} for ${reward.name}`
          : `That amount does not fit ${reward.name}`,
      );
    }
    if (!(await this.eligibility.allows(reward.eligibility, workspaceId, viewerId, call.roles))) {
      return new Refusal('not_eligible', `${reward.name} is not for you`);
    }
    const limited = reward.max_per_stream !== null || reward.max_per_viewer !== null;
    const stream = limited ? streamKey(await this.chatLog.latestStreamStart(workspaceId)) : 'none';
    return { spent, stream };
  }

  /** The request id was used before (a double click, a retry): answer with what it did then. */
  private async replayRequest(
    workspaceId: string,
    request: RedeemInput,
    viewerId: string,
  ): Promise<RedeemResultDto> {
    const earlier = await this.redemptions.findByRequest(this.tx.none, workspaceId, request.requestId);
    if (!earlier) throw new RedeemsException(RedeemsErrorCode.RedemptionNotFound, 'The redemption vanished');
    return this.replay(earlier, viewerId, request.rewardId);
  }

  private async replay(row: RedemptionRow, viewerId: string, rewardId: string): Promise<RedeemResultDto> {
    if (row.viewer_id !== viewerId || row.reward_id !== rewardId) {
      throw new RedeemsException(
        RedeemsErrorCode.RequestIdReused,
        'This request id was used for another redeem',
        {
          field: 'requestId',
        },
      );
    }
    const redemption = toRedemptionDto(row);
    const balance = await this.ledger.balance(this.tx.none, row.workspace_id, viewerId);
    return { outcome: outcomeOf(redemption), redemption, balance };
  }

  /** `balance`: when already known (read before any transaction), else read now. */
  private async refused(
    refusal: Refusal,
    workspaceId: string,
    viewerId: string,
    balance?: number,
  ): Promise<RedeemResultDto> {
    this.logger.debug({ workspaceId, viewerId, reason: refusal.reason }, 'redeem refused');
    return {
      outcome: 'refused',
      reason: refusal.reason,
      ...(refusal.cooldownSeconds !== undefined ? { cooldownSeconds: refusal.cooldownSeconds } : {}),
      message: refusal.message,
      balance: balance ?? (await this.ledger.balance(this.tx.none, workspaceId, viewerId)),
    };
  }
}

function outcomeOf(redemption: RedemptionDto): 'done' | 'queued' {
  return redemption.status === 'pending' ? 'queued' : 'done';
}

function priced(reward: RewardCore): { type: string; price: number; pricePerVote?: number } {
  const vote = reward.config.vote as { pricePerVote?: number } | undefined;
  return {
    type: reward.type,
    price: Number(reward.price),
    ...(vote?.pricePerVote !== undefined ? { pricePerVote: vote.pricePerVote } : {}),
  };
}
