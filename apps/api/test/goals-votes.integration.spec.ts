import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  CreatedOverlayTokenDto,
  GoalProgressDto,
  RedeemResultDto,
  RewardDto,
  SpecialDeliveryDto,
  SpecialWebhookPayload,
  VoteTallyDto,
} from '@podium/contracts';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { GoalAnnouncer } from '../src/modules/redeems/goals/goal-announcer';
import { GoalsService } from '../src/modules/redeems/goals/goals.service';
import { RedeemService } from '../src/modules/redeems/redeem.service';
import { ok, record, request, sleep, until } from './support/live-harness';
import { connectSocket, type TestSocket } from './support/sockets';
import { useTestSuite } from './support/test-suite';

/** Goals, votes and special rewards through the real redeem path, against PostgreSQL. */
describe('goals, votes and special rewards (PostgreSQL)', () => {
  const suite = useTestSuite({ redis: true });
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const get = <T>(type: abstract new (...args: never[]) => T) => suite.app.podium.app.get(type);
  let names = 0;

  beforeAll(async () => {
    // An in-room connection, so the goal's chat lines land in the outbox where the test can count them.
    await get(ConnectionsService).ensureInroom(suite.owner.workspaceId);
  });

  async function newViewer(balance: number): Promise<string> {
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, 'fan', 'Fan') RETURNING id`,
      [suite.owner.workspaceId, randomUUID()],
    );
    const ledger = get(PointsLedger);
    if (balance > 0) {
      await ledger.run((tx) =>
        ledger.credit(tx, {
          workspaceId: suite.owner.workspaceId,
          viewerId: row!.id,
          amount: balance,
          reason: 'adjust',
        }),
      );
    }
    return row!.id;
  }

  async function newReward(body: Record<string, unknown>): Promise<RewardDto> {
    names += 1;
    const created = await suite.owner.client.post<RewardDto>(`${ws()}/rewards`, {
      name: `gv${names}`,
      ...body,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const redeem = (viewerId: string, rewardId: string, extra: { amount?: number; optionId?: string } = {}) =>
    get(RedeemService).redeem({
      workspaceId: suite.owner.workspaceId,
      viewerId,
      request: { rewardId, requestId: randomUUID(), ...extra },
      source: 'api',
    });

  const balanceOf = async (viewerId: string) => {
    const [row] = await suite.db.query<{ balance: string }>(
      `SELECT coalesce((SELECT balance FROM points_balances WHERE viewer_id = $1), 0)::text AS balance`,
      [viewerId],
    );
    return Number(row!.balance);
  };

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

  async function overlaySocket(): Promise<TestSocket> {
    const token = await suite.owner.client.post<CreatedOverlayTokenDto>(`${ws()}/overlay-tokens`, {
      label: 'gv',
    });
    expect(token.status).toBe(201);
    const { socket } = await connectSocket(suite.app.baseUrl, { overlayToken: token.body.token });
    suite.sockets.push(socket);
    return socket;
  }

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

  it('tallies concurrent votes exactly, pushes on a tick, refuses after close and restarts on reset', async () => {
    const vote = await newReward({
      type: 'vote',
      vote: {
        pricePerVote: 10,
        options: [
          { id: 'pizza', label: 'Pizza' },
          { id: 'sushi', label: 'Sushi' },
          { id: 'tacos', label: 'Tacos' },
        ],
      },
    });
    const overlay = await overlaySocket();
    const tallies = record(overlay, 'vote.tally');
    const viewers = await Promise.all(Array.from({ length: 12 }, () => newViewer(100)));
    const choices = ['pizza', 'sushi', 'tacos'] as const;
    // 12 viewers × 3 redeems each (36 at once): option i%3, 1 or 2 votes each.
    const calls = viewers.flatMap((viewer, v) =>
      [0, 1, 2].map((k) =>
        redeem(viewer, vote.id, { optionId: choices[(v + k) % 3], amount: k === 2 ? 2 : 1 }),
      ),
    );
    const results = await Promise.all(calls);
    expect(results.every((r) => r.outcome === 'done')).toBe(true);
    // Each viewer spent 10 + 10 + 20.
    expect(new Set(await Promise.all(viewers.map(balanceOf)))).toEqual(new Set([60]));

    const tally = (await suite.owner.client.get<VoteTallyDto[]>(`${ws()}/votes`)).body.find(
      (t) => t.rewardId === vote.id,
    )!;
    expect(tally.totalVotes).toBe(48);
    expect(tally.voters).toBe(12);
    expect(tally.options.map((o) => [o.id, o.votes, o.points])).toEqual([
      ['pizza', 16, 160],
      ['sushi', 16, 160],
      ['tacos', 16, 160],
    ]);
    await until('overlay saw the full tally', () =>
      tallies.some((t) => t.tally.rewardId === vote.id && t.tally.totalVotes === 48),
    );
    expect(tallies.filter((t) => t.tally.rewardId === vote.id).length).toBeLessThan(36);

    const closed = await suite.owner.client.post<VoteTallyDto>(`${ws()}/votes/${vote.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    const late = await redeem(viewers[0]!, vote.id, { optionId: 'pizza' });
    expect(late).toMatchObject({
      outcome: 'refused',
      reason: 'invalid',
      message: `The vote ${vote.name} is closed.`,
    });
    expect(await balanceOf(viewers[0]!)).toBe(60);
    const unknown = await suite.owner.client.post<VoteTallyDto>(`${ws()}/votes/${vote.id}/open`);
    expect(unknown.body.closedAt).toBeNull();
    expect(await redeem(viewers[0]!, vote.id, { optionId: 'nope' })).toMatchObject({
      outcome: 'refused',
      reason: 'invalid',
    });

    const reset = await suite.owner.client.post<VoteTallyDto>(`${ws()}/votes/${vote.id}/reset`);
    expect(reset.body).toMatchObject({ round: 2, totalVotes: 0, closedAt: null });
    expect(reset.body.version).toBeGreaterThan(tally.version);
    expect((await redeem(viewers[1]!, vote.id, { optionId: 'tacos' })).outcome).toBe('done');
    const snapshot = ok(await request(overlay, 'votes.snapshot', {}));
    expect(
      snapshot.votes.find((t) => t.rewardId === vote.id)?.options.find((o) => o.id === 'tacos')?.votes,
    ).toBe(1);
  }, 60_000);

  describe('special rewards', () => {
    let server: Server;
    let url = '';
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let answers: number[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          res.statusCode = answers.shift() ?? 200;
          res.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('refuses URLs other than http(s)', async () => {
      const bad = await suite.owner.client.post(`${ws()}/rewards`, {
        name: 'badhook',
        type: 'special',
        special: { url: 'file:///etc/passwd', secret: 'x'.repeat(20) },
      });
      expect(bad.status).toBe(400);
    });

    it('POSTs a signed payload after the commit, retried after a 500, outcome recorded', async () => {
      const secret = `s3cret-${randomUUID()}`;
      const reward = await newReward({ type: 'special', price: 5, special: { url, secret } });
      expect(reward.special).toEqual({ url, hasSecret: true });
      const viewer = await newViewer(20);
      answers = [500];
      const made = await redeem(viewer, reward.id);
      if (made.outcome === 'refused') throw new Error(made.message);
      const id = made.redemption.id;

      await until(
        'delivered after a retry',
        () => received.filter((r) => r.headers['x-podium-delivery'] === id).length >= 2,
        15_000,
      );
      const tries = received.filter((r) => r.headers['x-podium-delivery'] === id);
      for (const attempt of tries) {
        const expected = `sha256=${createHmac('sha256', secret).update(attempt.body).digest('hex')}`;
        expect(attempt.headers['x-podium-signature']).toBe(expected);
        expect(attempt.headers['content-type']).toBe('application/json');
        const payload = JSON.parse(attempt.body) as SpecialWebhookPayload;
        expect(payload).toMatchObject({
          id,
          type: 'redeem.special',
          workspaceId: suite.owner.workspaceId,
          reward: { id: reward.id, name: reward.name },
          redemption: { id, spent: 5, viewer: { id: viewer, displayName: 'Fan', platform: 'twitch' } },
        });
        expect(String(payload.timestamp)).toBe(attempt.headers['x-podium-timestamp']);
      }
      expect(tries.map((t) => (JSON.parse(t.body) as SpecialWebhookPayload).attempt)).toEqual([1, 2]);

      await until('outcome recorded', async () => {
        const list = await suite.owner.client.get<SpecialDeliveryDto[]>(
          `${ws()}/special/deliveries?rewardId=${reward.id}`,
        );
        return list.body[0]?.status === 'delivered';
      });
      const [delivery] = (
        await suite.owner.client.get<SpecialDeliveryDto[]>(`${ws()}/special/deliveries?rewardId=${reward.id}`)
      ).body;
      expect(delivery).toMatchObject({
        redemptionId: id,
        status: 'delivered',
        attempts: 2,
        lastStatusCode: 200,
        lastError: null,
      });
      await sleep(500);
      expect(received.filter((r) => r.headers['x-podium-delivery'] === id)).toHaveLength(2);
    }, 30_000);

    it('gives up at once on a 4xx and records why', async () => {
      const reward = await newReward({ type: 'special', price: 1, special: { url, secret: 'y'.repeat(32) } });
      const viewer = await newViewer(1);
      answers = [404];
      const made = await redeem(viewer, reward.id);
      if (made.outcome === 'refused') throw new Error(made.message);
      await until('failed', async () => {
        const list = await suite.owner.client.get<SpecialDeliveryDto[]>(
          `${ws()}/special/deliveries?rewardId=${reward.id}`,
        );
        return list.body[0]?.status === 'failed';
      });
      const [delivery] = (
        await suite.owner.client.get<SpecialDeliveryDto[]>(`${ws()}/special/deliveries?rewardId=${reward.id}`)
      ).body;
      expect(delivery).toMatchObject({
        attempts: 1,
        lastStatusCode: 404,
        lastError: 'answered HTTP 404',
        nextAttemptAt: null,
      });
    });
  });

  it('feeds the recent-redeems overlay', async () => {
    const overlay = await overlaySocket();
    const pushes = record(overlay, 'redeem.recent');
    const reward = await newReward({ type: 'list', price: 1 });
    const viewer = await newViewer(1);
    const made = await redeem(viewer, reward.id);
    if (made.outcome === 'refused') throw new Error(made.message);
    await until('recent pushed', () => pushes.some((p) => p.redeem.redemptionId === made.redemption.id));
    const snapshot = ok(await request(overlay, 'redeems.recentSnapshot', {}));
    expect(snapshot.redeems[0]).toMatchObject({
      redemptionId: made.redemption.id,
      rewardName: reward.name,
      viewerName: 'Fan',
    });
  });
});
