import type { GoalProgressDto, RedeemResultDto } from '@podium/contracts';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { GoalAnnouncer } from '../src/modules/redeems/goals/goal-announcer';
import { GoalsService } from '../src/modules/redeems/goals/goals.service';
import { goalsVotesHelpers } from './support/goals-votes';
import { ok, record, request, sleep, until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';

/** Goals through the real redeem path, against PostgreSQL: exact contributions, milestones, resets. */
describe('goals, votes and special rewards (PostgreSQL)', () => {
  const suite = useTestSuite({ redis: true });
  const { ws, get, newViewer, newReward, redeem, balanceOf, overlaySocket } = goalsVotesHelpers(suite);

  beforeAll(async () => {
    // An in-room connection, so the goal's chat lines land in the outbox where the test can count them.
    await get(ConnectionsService).ensureInroom(suite.owner.workspaceId);
  });

  const goalLines = (name: string) =>
    suite.db.query<{ text: string }>(
      `SELECT text FROM chat_outbox WHERE workspace_id = $1 AND text LIKE $2`,
      [suite.owner.workspaceId, `%${name}%`],
    );
  const goalAlerts = (name: string) =>
    suite.db.query<{ text: string }>(
      `SELECT text FROM bot_alerts WHERE workspace_id = $1 AND kind = 'goal' AND text LIKE $2`,
      [suite.owner.workspaceId, `%${name}%`],
    );

  it('takes concurrent contributions exactly up to the target, says milestones and completion once, pushes to overlays', async () => {
    const goal = await newReward({
      type: 'goal',
      price: 1,
      goal: {
        target: 1000,
        milestones: [
          { at: 500, label: 'half way' },
          { at: 250, label: 'a quarter' },
        ],
      },
    });
    const overlay = await overlaySocket();
    const pushes = record(overlay, 'goal.progress');
    const viewers = await Promise.all(Array.from({ length: 14 }, () => newViewer(100)));

    // 14 viewers × 100 race for a target of 1,000: exactly 10 fit, nothing passes the target.
    const results: RedeemResultDto[] = await Promise.all(
      viewers.map((v) => redeem(v, goal.id, { amount: 100 })),
    );
    const done = results.filter((r) => r.outcome === 'done');
    const refused = results.filter((r) => r.outcome === 'refused');
    expect(done).toHaveLength(10);
    expect(refused).toHaveLength(4);
    expect(
      refused.every((r) => r.outcome === 'refused' && r.reason === 'invalid' && /complete/.test(r.message)),
    ).toBe(true);
    const balances = await Promise.all(viewers.map(balanceOf));
    expect(balances.filter((b) => b === 0)).toHaveLength(10);
    expect(balances.filter((b) => b === 100)).toHaveLength(4); // refused: nothing spent

    const [progress] = (await suite.owner.client.get<GoalProgressDto[]>(`${ws()}/goals`)).body.filter(
      (g) => g.rewardId === goal.id,
    );
    expect(progress).toMatchObject({ progress: 1000, target: 1000, contributors: 10, round: 1 });
    expect(progress!.completedAt).not.toBeNull();
    expect(progress!.milestones.map((m) => [m.at, m.reachedAt !== null])).toEqual([
      [250, true],
      [500, true],
    ]);

    // Said once each in chat and on the alerts overlay, even when the sweep runs again.
    await until(
      'goal announced',
      async () => (await goalLines(goal.name)).length >= 3 && (await goalAlerts(goal.name)).length >= 3,
    );
    await get(GoalAnnouncer).announce(null);
    await sleep(300);
    const lines = (await goalLines(goal.name)).map((l) => l.text).sort();
    expect(lines).toEqual([
      `Goal ${goal.name} complete: 1000 points from 10 viewers. Thank you!`,
      `Milestone reached for ${goal.name}: a quarter (250/1000)!`,
      `Milestone reached for ${goal.name}: half way (500/1000)!`,
    ]);
    expect(await goalAlerts(goal.name)).toHaveLength(3);

    // The overlay hears the progress on a tick (fewer pushes than contributions), ending at 1,000.
    await until('overlay saw the goal complete', () =>
      pushes.some((p) => p.goal.rewardId === goal.id && p.goal.progress === 1000),
    );
    const mine = pushes.filter((p) => p.goal.rewardId === goal.id);
    expect(mine.length).toBeLessThan(10);
    const snapshot = ok(await request(overlay, 'goals.snapshot', {}));
    expect(snapshot.goals.find((g) => g.rewardId === goal.id)?.progress).toBe(1000);
  }, 60_000);

  it('resets a goal only when complete, or hard at any time, without refunds', async () => {
    const goal = await newReward({
      type: 'goal',
      price: 1,
      goal: { target: 50, milestones: [{ at: 50, label: 'full' }] },
    });
    const viewer = await newViewer(200);
    expect((await redeem(viewer, goal.id, { amount: 20 })).outcome).toBe('done');
    // Past the target: refused with what is missing, nothing spent.
    const over = await redeem(viewer, goal.id, { amount: 40 });
    expect(over).toMatchObject({
      outcome: 'refused',
      reason: 'invalid',
      message: `The goal ${goal.name} only needs 30 more.`,
    });
    expect(await balanceOf(viewer)).toBe(180);

    const plain = await suite.owner.client.post(`${ws()}/goals/${goal.id}/reset`, {});
    expect(plain.status).toBe(409);
    expect(plain.body).toMatchObject({ code: 'goals.not_completed' });

    expect((await redeem(viewer, goal.id, { amount: 30 })).outcome).toBe('done');
    const afterComplete = await suite.owner.client.post<GoalProgressDto>(
      `${ws()}/goals/${goal.id}/reset`,
      {},
    );
    expect(afterComplete.status).toBe(200);
    expect(afterComplete.body).toMatchObject({ progress: 0, round: 2, completedAt: null, contributors: 0 });
    expect(afterComplete.body.milestones[0]?.reachedAt).toBeNull();
    expect(await balanceOf(viewer)).toBe(150); // no refund on reset

    expect((await redeem(viewer, goal.id, { amount: 10 })).outcome).toBe('done');
    const hard = await suite.owner.client.post<GoalProgressDto>(`${ws()}/goals/${goal.id}/reset`, {
      hard: true,
    });
    expect(hard.status).toBe(200);
    expect(hard.body).toMatchObject({ progress: 0, round: 3 });

    // The CLI's entry point: by name, same rules.
    await expect(
      get(GoalsService).reset(suite.owner.workspaceId, goal.name, { hard: false }),
    ).rejects.toMatchObject({
      code: 'goals.not_completed',
    });
    await expect(
      get(GoalsService).reset(suite.owner.workspaceId, goal.name, { hard: true }),
    ).resolves.toMatchObject({
      round: 4,
    });
  });
});
