import { Injectable } from '@nestjs/common';
import { VoteConfigSchema, type VotesSnapshotDto, type VoteTallyDto } from '@podium/contracts';
import { tallyVotes } from '@podium/redeems';
import { DomainEvents } from '../../../common/events/domain-events';
import { type Tx, TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import type { SocketData } from '../../realtime/socket-data';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { GoalsVotesErrorCode, GoalsVotesException } from '../goals/goals-votes.exception';
import { socketWorkspace } from '../goals/goals.service';
import { type TypedRewardRow, TypedRewardsRepository } from '../goals/typed-rewards.repository';
import { type VoteRoundRow, VotesRepository } from './votes.repository';

/** Room for this many votes per round version in `VoteTallyDto.version`. */
const VERSION_ROUND_STEP = 1_000_000_000;

/** Vote tallies for the admin, the panel and overlays; close, reopen, reset. */
@Injectable()
export class VotesService {
  constructor(
    private readonly votes: VotesRepository,
    private readonly rewards: TypedRewardsRepository,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<VoteTallyDto[]> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.talliesOf(this.tx.none, workspaceId);
  }

  /** No access check: for the viewer panel and overlays. */
  async talliesOf(tx: Tx, workspaceId: string): Promise<VoteTallyDto[]> {
    return this.toDtos(tx, workspaceId, await this.rewards.listOfType(tx, workspaceId, 'vote'));
  }

  async one(tx: Tx, workspaceId: string, rewardId: string): Promise<VoteTallyDto | null> {
    const reward = await this.rewards.find(tx, workspaceId, rewardId);
    if (!reward || reward.type !== 'vote') return null;
    return (await this.toDtos(tx, workspaceId, [reward]))[0] ?? null;
  }

  async snapshot(workspaceId: string): Promise<VotesSnapshotDto> {
    return { votes: await this.talliesOf(this.tx.none, workspaceId), serverTime: new Date().toISOString() };
  }

  async snapshotFor(socket: SocketData, workspaceId: string | undefined): Promise<VotesSnapshotDto> {
    return this.snapshot(await socketWorkspace(this.access, socket, workspaceId));
  }

  /** Closes the vote (no more ballots); closing a closed vote changes nothing. */
  close(actor: Actor, workspaceId: string, rewardId: string): Promise<VoteTallyDto> {
    return this.change(actor, workspaceId, rewardId, (tx) => this.votes.setClosed(tx, rewardId, true));
  }

  reopen(actor: Actor, workspaceId: string, rewardId: string): Promise<VoteTallyDto> {
    return this.change(actor, workspaceId, rewardId, (tx) => this.votes.setClosed(tx, rewardId, false));
  }

  /** A new open round from zero. Points spent on earlier rounds are not refunded. */
  reset(actor: Actor, workspaceId: string, rewardId: string): Promise<VoteTallyDto> {
    return this.change(actor, workspaceId, rewardId, (tx) => this.votes.reset(tx, rewardId));
  }

  /** Close (`closed` true) or reopen without an access check (the public API, after its scope check). */
  setClosedAs(workspaceId: string, rewardId: string, closed: boolean): Promise<VoteTallyDto> {
    return this.changeOf(workspaceId, rewardId, (tx) => this.votes.setClosed(tx, rewardId, closed));
  }

  private async change(
    actor: Actor,
    workspaceId: string,
    rewardId: string,
    work: (tx: Tx) => Promise<VoteRoundRow | null>,
  ): Promise<VoteTallyDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.changeOf(workspaceId, rewardId, work);
  }

  private async changeOf(
    workspaceId: string,
    rewardId: string,
    work: (tx: Tx) => Promise<VoteRoundRow | null>,
  ): Promise<VoteTallyDto> {
    const tally = await this.tx.run(async (tx) => {
      const reward = await this.rewards.find(tx, workspaceId, rewardId);
      if (!reward || reward.type !== 'vote') return null;
      await this.votes.ensure(tx, workspaceId, rewardId);
      await work(tx);
      return this.one(tx, workspaceId, rewardId);
    });
    if (!tally) throw new GoalsVotesException(GoalsVotesErrorCode.VoteNotFound, 'No such vote');
    this.events.publish('vote.tallyChanged', { workspaceId, rewardId });
    return tally;
  }

  private async toDtos(tx: Tx, workspaceId: string, rewards: TypedRewardRow[]): Promise<VoteTallyDto[]> {
    const ids = rewards.map((r) => r.id);
    const rounds = new Map((await this.votes.rounds(tx, workspaceId, ids)).map((r) => [r.reward_id, r]));
    const { sums, voters } = await this.votes.sums(tx, workspaceId, ids);
    return rewards.map((reward) => {
      const parsed = VoteConfigSchema.safeParse(reward.config['vote']);
      const config = parsed.success ? parsed.data : { options: [], pricePerVote: 1 };
      const round = rounds.get(reward.id);
      const options = tallyVotes(config.options, sums.get(reward.id) ?? []);
      const totalVotes = options.reduce((total, option) => total + option.votes, 0);
      return {
        rewardId: reward.id,
        workspaceId: reward.workspace_id,
        name: reward.name,
        pricePerVote: config.pricePerVote,
        options,
        totalVotes,
        voters: voters.get(reward.id) ?? 0,
        closedAt: round?.closed_at?.toISOString() ?? null,
        round: round?.round ?? 1,
        // Ballots do not touch the round row (no contention): within a round the vote count only
        // grows, and close/reopen/reset bump the round's version, which dominates.
        version: Number(round?.version ?? 0) * VERSION_ROUND_STEP + totalVotes,
        enabled: reward.enabled,
        updatedAt: (round?.updated_at ?? new Date(0)).toISOString(),
      };
    });
  }
}
