import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SpecialDeliveryDto, SpecialWebhookPayload, VoteTallyDto } from '@podium/contracts';
import { goalsVotesHelpers } from './support/goals-votes';
import { ok, record, request, sleep, until } from './support/live-harness';
import { connectSocket } from './support/sockets';
import { useTestSuite } from './support/test-suite';

/** Votes, special rewards' webhooks and the recent-redeems feed through the real redeem path, against PostgreSQL. */
describe('goals, votes and special rewards (PostgreSQL)', () => {
  const suite = useTestSuite({ redis: true });
  const { ws, newViewer, newReward, redeem, balanceOf, overlaySocket } = goalsVotesHelpers(suite);

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
    await until('recent pushed', () =>
      pushes.some((p) => p.redeems.some((r) => r.redemptionId === made.redemption.id)),
    );
    const snapshot = ok(await request(overlay, 'redeems.recentSnapshot', {}));
    expect(snapshot.redeems[0]).toMatchObject({
      redemptionId: made.redemption.id,
      rewardName: reward.name,
      viewerName: 'Fan',
    });
  });

  it('pushes a burst of redeems to the overlay together, each once', async () => {
    const overlay = await overlaySocket();
    const pushes = record(overlay, 'redeem.recent');
    const reward = await newReward({ type: 'list', price: 1 });
    const viewers = await Promise.all(Array.from({ length: 8 }, () => newViewer(1)));
    const made = await Promise.all(viewers.map((viewer) => redeem(viewer, reward.id)));
    const ids = made.map((m) => (m.outcome === 'refused' ? '' : m.redemption.id));
    expect(ids.filter(Boolean)).toHaveLength(8);
    const pushed = () => pushes.flatMap((p) => p.redeems.map((r) => r.redemptionId));
    await until('all pushed', () => ids.every((id) => pushed().includes(id)));
    expect(new Set(pushed()).size).toBe(pushed().length);
    expect(pushes.length).toBeLessThan(8);
  });

  it('pushes a burst of balance changes to the organizers together, with each viewer’s latest', async () => {
    const { socket: organizer } = await connectSocket(suite.app.baseUrl, {
      cookie: suite.owner.client.cookie,
    });
    suite.sockets.push(organizer);
    const pushes = record(organizer, 'points.changed');
    const reward = await newReward({ type: 'list', price: 2 });
    const viewers = await Promise.all(Array.from({ length: 6 }, () => newViewer(10)));
    await until('credits pushed', () => pushes.some((p) => p.changes.length > 0));
    pushes.length = 0;
    // Two redeems each at once: every viewer ends at 6.
    const made = await Promise.all(
      viewers.flatMap((viewer) => [redeem(viewer, reward.id), redeem(viewer, reward.id)]),
    );
    expect(made.every((m) => m.outcome !== 'refused')).toBe(true);
    const latest = () => {
      const balances = new Map<string, number>();
      for (const push of pushes) {
        expect(push.workspaceId).toBe(suite.owner.workspaceId);
        for (const change of push.changes) balances.set(change.viewerId, change.balance);
      }
      return balances;
    };
    await until('latest balances pushed', () => viewers.every((viewer) => latest().get(viewer) === 6));
    expect(pushes.length).toBeLessThan(viewers.length);
  });
});
