import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RECENT_REDEEMS_LIMIT, type RecentRedeemDto, type RedemptionDto } from '@podium/contracts';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { KeyedBatches } from '../../../common/concurrency/keyed-batches';
import { KeyedThrottle } from '../../../common/concurrency/keyed-throttle';
import { rooms } from '../../realtime/rooms';
import { REDEEM_PUSH_TICK_MS } from '../redeems.broadcaster';
import { SpecialDeliveries } from '../special/special-deliveries.service';
import { VotesService } from '../votes/votes.service';
import { GoalAnnouncer } from './goal-announcer';
import { GoalsService } from './goals.service';
import { GoalsVotesGateway } from './goals-votes.gateway';

/** How often, at most, one goal's progress or one vote's tally is pushed while redeems pour in. */
export const GOALS_VOTES_TICK_MS = 250;

/**
 * Turns committed redeems into pushes: goals and votes are marked dirty and flushed on a short
 * per-reward tick (one read and one push per room per tick, however many redeems), the redeems feed
 * the recent-redeems overlays (one push per workspace per tick: each push crosses Redis to every
 * replica), goals announce what they reached, and special redeems start their delivery.
 */
@Injectable()
export class GoalsVotesBroadcaster implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(GoalsVotesBroadcaster.name);
  private readonly unsubscribe: (() => void)[] = [];
  private readonly goalTicks = new KeyedThrottle(
    GOALS_VOTES_TICK_MS,
    (key) => this.flushGoal(key),
    (key, error) => this.logger.error({ err: error, key }, 'goal push failed'),
  );
  private readonly voteTicks = new KeyedThrottle(
    GOALS_VOTES_TICK_MS,
    (key) => this.flushVote(key),
    (key, error) => this.logger.error({ err: error, key }, 'vote push failed'),
  );
  /** The redeems not pushed yet to a workspace's overlays; they show the newest few. */
  private readonly recent = new KeyedBatches<RecentRedeemDto>({
    intervalMs: REDEEM_PUSH_TICK_MS,
    flush: (workspaceId, redeems) =>
      this.gateway.server.to(rooms.overlay(workspaceId)).emit('redeem.recent', { workspaceId, redeems }),
    onError: (workspaceId, error) =>
      this.logger.error({ err: error, workspaceId }, 'recent redeems push failed'),
    max: RECENT_REDEEMS_LIMIT,
  });

  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: GoalsVotesGateway,
    private readonly goals: GoalsService,
    private readonly votes: VotesService,
    private readonly announcer: GoalAnnouncer,
    private readonly specials: SpecialDeliveries,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.events.on('goal.progressed', ({ workspaceId, rewardId }) =>
        this.goalTicks.mark(key(workspaceId, rewardId)),
      ),
      this.events.on('vote.tallyChanged', ({ workspaceId, rewardId }) =>
        this.voteTicks.mark(key(workspaceId, rewardId)),
      ),
      this.events.on('redeem.created', ({ redemption }) => this.created(redemption)),
    );
  }

  async onModuleDestroy(): Promise<void> {
    for (const off of this.unsubscribe) off();
    await Promise.all([this.goalTicks.stop(), this.voteTicks.stop(), this.recent.stop()]);
  }

  private created(redemption: RedemptionDto): void {
    const { workspaceId } = redemption;
    this.recent.add(workspaceId, {
      redemptionId: redemption.id,
      workspaceId,
      rewardName: redemption.reward.name,
      rewardType: redemption.reward.type,
      viewerName: redemption.viewer.displayName,
      spent: redemption.spent,
      createdAt: redemption.createdAt,
    });
    switch (redemption.reward.type) {
      case 'goal':
        this.goalTicks.mark(key(workspaceId, redemption.reward.id));
        return;
      case 'vote':
        this.voteTicks.mark(key(workspaceId, redemption.reward.id));
        return;
      case 'special':
        this.specials.kick(redemption.id);
        return;
      case 'list':
      case 'note':
      case 'counter':
        return;
    }
  }

  private async flushGoal(k: string): Promise<void> {
    const [workspaceId, rewardId] = split(k);
    const goal = await this.goals.one(this.tx.none, workspaceId, rewardId);
    if (goal) this.gateway.server.to(audiences(workspaceId)).emit('goal.progress', { goal });
    // Said after the push so the overlay's bar moves with (not after) the celebration.
    await this.announcer.announce(rewardId);
  }

  private async flushVote(k: string): Promise<void> {
    const [workspaceId, rewardId] = split(k);
    const tally = await this.votes.one(this.tx.none, workspaceId, rewardId);
    if (tally) this.gateway.server.to(audiences(workspaceId)).emit('vote.tally', { tally });
  }
}

const key = (workspaceId: string, rewardId: string) => `${workspaceId}:${rewardId}`;

function split(k: string): [string, string] {
  const [workspaceId = '', rewardId = ''] = k.split(':');
  return [workspaceId, rewardId];
}

function audiences(workspaceId: string): string[] {
  return [rooms.workspace(workspaceId), rooms.overlay(workspaceId)];
}
