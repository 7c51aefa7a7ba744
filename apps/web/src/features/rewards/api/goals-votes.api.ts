import type { GoalProgressDto, ResetGoalRequest, VoteTallyDto } from '@podium/contracts';
import { useMutation } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';

const base = (workspaceId: string) => `/workspaces/${segment(workspaceId)}`;

/** Reset a goal: only a completed one, or any with `hard` (contributions are not refunded). */
export function useResetGoal(workspaceId: string) {
  return useMutation({
    mutationFn: ({ rewardId, request }: { rewardId: string; request: ResetGoalRequest }) =>
      http.post<GoalProgressDto>(`${base(workspaceId)}/goals/${segment(rewardId)}/reset`, request),
  });
}

export type VoteMove = 'close' | 'open' | 'reset';

/** Close a vote (no more redeems), open it again, or reset its tally (which reopens it). */
export function useVoteMove(workspaceId: string) {
  return useMutation({
    mutationFn: ({ rewardId, move }: { rewardId: string; move: VoteMove }) =>
      http.post<VoteTallyDto>(`${base(workspaceId)}/votes/${segment(rewardId)}/${move}`),
  });
}
