import { GoalConfigSchema } from '@podium/contracts';
import {
  completionMessage,
  contributionRefusalMessage,
  goalPercent,
  judgeContribution,
  judgeReset,
  milestonesCrossed,
  milestonesReached,
  sortedMilestones,
} from './goal.rules';

describe('judgeContribution', () => {
  const open = { target: 100, progress: 40, completed: false };

  it('adds a contribution that fits and says whether it completes the goal', () => {
    expect(judgeContribution(open, 10)).toEqual({ ok: true, progress: 50, completes: false });
    expect(judgeContribution(open, 60)).toEqual({ ok: true, progress: 100, completes: true });
  });

  it('refuses (does not cap) a contribution past the target and says what is missing', () => {
    const verdict = judgeContribution(open, 61);
    expect(verdict).toEqual({ ok: false, reason: 'exceeds', remaining: 60 });
    if (!verdict.ok)
      expect(contributionRefusalMessage(verdict, 'boat')).toBe('The goal boat only needs 60 more.');
  });

  it('refuses anything once complete, and non-positive amounts', () => {
    expect(judgeContribution({ ...open, completed: true }, 1)).toEqual({
      ok: false,
      reason: 'completed',
      remaining: 0,
    });
    expect(judgeContribution({ target: 100, progress: 100, completed: false }, 1)).toMatchObject({
      reason: 'completed',
    });
    expect(judgeContribution(open, 0)).toMatchObject({ ok: false, reason: 'not_positive' });
    expect(judgeContribution(open, 1.5)).toMatchObject({ ok: false, reason: 'not_positive' });
  });
});

describe('milestones', () => {
  const milestones = [
    { at: 75, label: 'three quarters' },
    { at: 25, label: 'quarter' },
    { at: 50, label: 'half' },
  ];

  it('are crossed once: only those strictly above before and at or below after', () => {
    expect(milestonesCrossed(milestones, 0, 24)).toEqual([]);
    expect(milestonesCrossed(milestones, 0, 25).map((m) => m.at)).toEqual([25]);
    expect(milestonesCrossed(milestones, 25, 80).map((m) => m.at)).toEqual([50, 75]);
    expect(milestonesCrossed(milestones, 50, 74)).toEqual([]);
  });

  it('reached at a progress, sorted', () => {
    expect(milestonesReached(milestones, 60).map((m) => m.label)).toEqual(['quarter', 'half']);
    expect(sortedMilestones({ milestones }).map((m) => m.at)).toEqual([25, 50, 75]);
  });

  it('must be unique and not above the target (schema)', () => {
    const bad = GoalConfigSchema.safeParse({
      target: 50,
      milestones: [
        { at: 60, label: 'x' },
        { at: 10, label: 'a' },
        { at: 10, label: 'b' },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(['milestones.0.at', 'milestones.2.at']);
    expect(GoalConfigSchema.parse({ target: 50 })).toEqual({ target: 50, milestones: [] });
  });
});

describe('judgeReset', () => {
  it('resets only a completed goal unless hard', () => {
    expect(judgeReset(true, false)).toEqual({ ok: true });
    expect(judgeReset(false, false)).toEqual({ ok: false, reason: 'not_completed' });
    expect(judgeReset(false, true)).toEqual({ ok: true });
  });
});

describe('display', () => {
  it('floors the percent and clamps it', () => {
    expect(goalPercent(999, 1000)).toBe(99);
    expect(goalPercent(1000, 1000)).toBe(100);
    expect(goalPercent(0, 1000)).toBe(0);
  });

  it('thanks the contributors', () => {
    expect(completionMessage('boat', 500, 1)).toBe(
      'Goal boat complete: 500 points from 1 viewer. Thank you!',
    );
    expect(completionMessage('boat', 500, 3)).toContain('3 viewers');
  });
});
