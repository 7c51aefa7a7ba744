import { Injectable } from '@nestjs/common';
import type { GoalProgressDto, GoalsSnapshotDto } from '@podium/contracts';
import { judgeReset } from '@podium/redeems';
import { DomainEvents } from '../../../common/events/domain-events';
import { type Tx, TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import type { SocketData } from '../../realtime/socket-data';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { GoalsVotesErrorCode, GoalsVotesException } from './goals-votes.exception';
import { toGoalProgressDto } from './goal-progress.mapper';
import { GoalsRepository } from './goals.repository';
import { type TypedRewardRow, TypedRewardsRepository } from './typed-rewards.repository';

/** Goals as the admin, the panel, the CLI and overlays see them; resets. */
@Injectable()
export class GoalsService {
  constructor(
    private readonly goals: GoalsRepository,
    private readonly rewards: TypedRewardsRepository,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  /** Every goal reward of the workspace with its progress (for any member). */
  async list(actor: Actor, workspaceId: string): Promise<GoalProgressDto[]> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.progressOf(this.tx.none, workspaceId);
  }

  /** No access check: for the viewer panel (its own token check) and overlays. */
  async progressOf(tx: Tx, workspaceId: string): Promise<GoalProgressDto[]> {
    const rewards = await this.rewards.listOfType(tx, workspaceId, 'goal');
    return this.toDtos(tx, workspaceId, rewards);
  }

  async one(tx: Tx, workspaceId: string, rewardId: string): Promise<GoalProgressDto | null> {
    const reward = await this.rewards.find(tx, workspaceId, rewardId);
    if (!reward || reward.type !== 'goal') return null;
    return (await this.toDtos(tx, workspaceId, [reward]))[0] ?? null;
  }

  async snapshot(workspaceId: string): Promise<GoalsSnapshotDto> {
    return { goals: await this.progressOf(this.tx.none, workspaceId), serverTime: new Date().toISOString() };
  }

  async snapshotFor(socket: SocketData, workspaceId: string | undefined): Promise<GoalsSnapshotDto> {
    return this.snapshot(await socketWorkspace(this.access, socket, workspaceId));
  }

  /** Admin reset (moderators). Plain resets only a completed goal; `hard` any time. No refunds. */
  async resetById(
    actor: Actor,
    workspaceId: string,
    rewardId: string,
    options: { hard: boolean },
  ): Promise<GoalProgressDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const reward = await this.rewards.find(this.tx.none, workspaceId, rewardId);
    return this.resetReward(reward, options.hard);
  }

  /** For the CLI (`npx podium milestone:reset <name> [--hard]`): no actor, the operator is trusted. */
  async reset(workspaceId: string, rewardName: string, options: { hard: boolean }): Promise<GoalProgressDto> {
    const reward = await this.rewards.findByName(this.tx.none, workspaceId, rewardName);
    return this.resetReward(reward, options.hard);
  }

  private async resetReward(reward: TypedRewardRow | null, hard: boolean): Promise<GoalProgressDto> {
    if (!reward || reward.type !== 'goal') {
      throw new GoalsVotesException(GoalsVotesErrorCode.GoalNotFound, 'No such goal');
    }
    const dto = await this.tx.run(async (tx) => {
      await this.goals.ensure(tx, reward.workspace_id, reward.id);
      const current = await this.goals.current(tx, reward.id);
      const verdict = judgeReset(current?.completed_at != null, hard);
      if (!verdict.ok || !(await this.goals.reset(tx, reward.id, hard))) {
        throw new GoalsVotesException(
          GoalsVotesErrorCode.GoalNotCompleted,
          `The goal ${reward.name} is not complete: use a hard reset`,
        );
      }
      return this.one(tx, reward.workspace_id, reward.id);
    });
    if (!dto) throw new GoalsVotesException(GoalsVotesErrorCode.GoalNotFound, 'No such goal');
    this.events.publish('goal.progressed', { workspaceId: reward.workspace_id, rewardId: reward.id });
    return dto;
  }

  private async toDtos(tx: Tx, workspaceId: string, rewards: TypedRewardRow[]): Promise<GoalProgressDto[]> {
    const { rows, contributors, reached } = await this.goals.progressOf(
      tx,
      workspaceId,
      rewards.map((r) => r.id),
    );
    const byReward = new Map(rows.map((row) => [row.reward_id, row]));
    return rewards.map((reward) =>
      toGoalProgressDto(
        reward,
        byReward.get(reward.id) ?? null,
        contributors.get(reward.id) ?? 0,
        reached.filter((m) => m.reward_id === reward.id),
      ),
    );
  }
}

/** Overlays get their own workspace; organizers name one they belong to; attendees get nothing. */
export async function socketWorkspace(
  access: WorkspaceAccess,
  socket: SocketData,
  workspaceId: string | undefined,
): Promise<string> {
  switch (socket.audience) {
    case 'overlay':
      if (workspaceId !== undefined && workspaceId !== socket.workspaceId) {
        throw new GoalsVotesException(
          GoalsVotesErrorCode.GoalsForbidden,
          'This overlay belongs to another workspace',
        );
      }
      return socket.workspaceId;
    case 'organizer': {
      if (workspaceId === undefined) {
        throw new GoalsVotesException(GoalsVotesErrorCode.GoalsForbidden, 'Name the workspace', {
          field: 'workspaceId',
        });
      }
      await access.require({ userId: socket.userId, email: '', displayName: '' }, workspaceId, 'viewer');
      return workspaceId;
    }
    case 'attendee':
      throw new GoalsVotesException(GoalsVotesErrorCode.GoalsForbidden, 'Attendees do not see this');
  }
}
