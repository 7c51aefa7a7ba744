import type { GoalConfig, GoalMilestone } from '@podium/contracts';

/** Where a goal stands in its round, as stored. */
export interface GoalState {
  target: number;
  progress: number;
  completed: boolean;
}

export type ContributionVerdict =
  | { ok: true; progress: number; completes: boolean }
  | { ok: false; reason: 'completed' | 'exceeds' | 'not_positive'; remaining: number };

/**
 * A contribution is refused (never capped) when it would pass the target: the viewer is told how
 * much is still missing, so `progress` never exceeds `target` and nobody pays for points that count
 * for nothing. A completed goal takes nothing until it is reset.
 */
export function judgeContribution(state: GoalState, amount: number): ContributionVerdict {
  const remaining = Math.max(0, state.target - state.progress);
  if (state.completed || remaining === 0) return { ok: false, reason: 'completed', remaining: 0 };
  if (!Number.isInteger(amount) || amount < 1) return { ok: false, reason: 'not_positive', remaining };
  if (amount > remaining) return { ok: false, reason: 'exceeds', remaining };
  const progress = state.progress + amount;
  return { ok: true, progress, completes: progress >= state.target };
}

/** What the viewer is told when a contribution is refused. */
export function contributionRefusalMessage(
  verdict: Extract<ContributionVerdict, { ok: false }>,
  goalName: string,
): string {
  switch (verdict.reason) {
    case 'completed':
      return `The goal ${goalName} is already complete.`;
    case 'exceeds':
      return `The goal ${goalName} only needs ${verdict.remaining} more.`;
    case 'not_positive':
      return `Contribute at least 1 to ${goalName}.`;
  }
}

/** Milestones sorted by `at` (the order they are reached in). */
export function sortedMilestones(config: Pick<GoalConfig, 'milestones'>): GoalMilestone[] {
  return [...config.milestones].sort((a, b) => a.at - b.at);
}

/** Milestones a move from `before` to `after` crosses: before < at ≤ after, in order. */
export function milestonesCrossed(
  milestones: readonly GoalMilestone[],
  before: number,
  after: number,
): GoalMilestone[] {
  return milestones.filter((m) => m.at > before && m.at <= after).sort((a, b) => a.at - b.at);
}

/** Milestones reached at `progress` (reconciling after a config change or a crash). */
export function milestonesReached(milestones: readonly GoalMilestone[], progress: number): GoalMilestone[] {
  return milestonesCrossed(milestones, 0, progress);
}

export type ResetVerdict = { ok: true } | { ok: false; reason: 'not_completed' };

/** A plain reset only clears a completed goal; a hard reset clears it at any time. */
export function judgeReset(completed: boolean, hard: boolean): ResetVerdict {
  return completed || hard ? { ok: true } : { ok: false, reason: 'not_completed' };
}

/** Percent shown on overlays, 0–100, whole numbers (floored: 99.9 % is not done). */
export function goalPercent(progress: number, target: number): number {
  if (target <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((progress / target) * 100)));
}

/** Chat lines said when a milestone or the goal is reached (plain text). */
export function milestoneMessage(goalName: string, milestone: GoalMilestone, target: number): string {
  return `Milestone reached for ${goalName}: ${milestone.label} (${milestone.at}/${target})!`;
}

export function completionMessage(goalName: string, target: number, contributors: number): string {
  const who = contributors === 1 ? '1 viewer' : `${contributors} viewers`;
  return `Goal ${goalName} complete: ${target} points from ${who}. Thank you!`;
}
