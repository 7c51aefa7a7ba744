import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  CategoryDto,
  ImportRewardsResultDto,
  RedeemResultDto,
  RedemptionDto,
  RedemptionPageDto,
  RewardDto,
  RewardListDto,
} from '@podium/contracts';
import { type RewardAvailability, RedeemService } from '../src/modules/redeems/redeem.service';
import { redeemsHelpers } from './support/redeems';
import { until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';

/** Rewards, redeeming and the queue through HTTP and chat, against the real PostgreSQL. */
describe('redeems (PostgreSQL)', () => {
  const suite = useTestSuite();
  const { ws, client, newViewer, credit, balance, newReward, redeem, inject } = redeemsHelpers(suite);

  it('creates, lists, updates and deletes rewards, with 400s and 409s for bad input', async () => {
    const reward = await newReward({ name: 'Hydrate', description: 'Drink water', categories: ['chill'] });
    expect(reward).toMatchObject({
      name: 'hydrate',
      type: 'list',
      price: 100,
      categories: ['chill'],
      active: true,
      count: 0,
      eligibility: 'everyone',
    });
    const twin = await client().post<ApiErrorDto>(`${ws()}/rewards`, { name: 'HYDRATE', type: 'list' });
    expect(twin.status).toBe(409);
    expect(twin.body.code).toBe('redeems.reward_name_taken');
    const bad = await client().post<ApiErrorDto>(`${ws()}/rewards`, { name: 'no spaces', type: 'list' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('name');
    const goalless = await client().post<ApiErrorDto>(`${ws()}/rewards`, { name: 'mic', type: 'goal' });
    expect(goalless.status).toBe(400);
    expect(goalless.body.field).toBe('goal');

    const updated = await client().patch<RewardDto>(`${ws()}/rewards/${reward.id}`, {
      price: 60,
      categories: [],
      viewerCooldownSeconds: 30,
    });
    expect(updated.body).toMatchObject({ price: 60, categories: [], viewerCooldownSeconds: 30 });
    const list = await client().get<RewardListDto>(`${ws()}/rewards`);
    expect(list.body.rewards.map((r) => r.name)).toContain('hydrate');
    expect(list.body.categories.find((c) => c.name === 'chill')).toMatchObject({ rewardCount: 0 });
    expect((await client().delete(`${ws()}/rewards/${reward.id}`)).status).toBe(204);
    expect((await client().get(`${ws()}/rewards/${reward.id}`)).status).toBe(404);
  });

  it('redeems once for a double click (same request id) and debits once', async () => {
    const viewer = await newViewer();
    await credit(viewer, 250);
    const reward = await newReward({ price: 100 });
    const requestId = randomUUID();
    const body = { viewerId: viewer, rewardId: reward.id, requestId };
    const [a, b] = await Promise.all([
      client().post<RedeemResultDto>(`${ws()}/redeems`, body),
      client().post<RedeemResultDto>(`${ws()}/redeems`, body),
    ]);
    const again = await client().post<RedeemResultDto>(`${ws()}/redeems`, body);
    for (const result of [a, b, again]) {
      expect(result.status).toBe(200);
      expect(result.body.outcome).toBe('queued');
    }
    const ids = new Set(
      [a, b, again].map((r) => (r.body.outcome === 'refused' ? null : r.body.redemption.id)),
    );
    expect(ids.size).toBe(1);
    expect(await balance(viewer)).toBe(150);
    const rows = await suite.db.query(`SELECT id FROM redemptions WHERE request_id = $1`, [requestId]);
    expect(rows).toHaveLength(1);
  });

  it('refunds once (a second refund is 409), rejects without refund, fulfils', async () => {
    const viewer = await newViewer();
    await credit(viewer, 300);
    const reward = await newReward({ price: 100, type: 'note' });
    const noNote = await redeem(viewer, reward.id);
    expect(noNote.body).toMatchObject({ outcome: 'refused', reason: 'note_required', balance: 300 });

    const ids: string[] = [];
    for (const note of ['one', 'two', 'three']) {
      const result = await redeem(viewer, reward.id, { note });
      if (result.body.outcome === 'refused') throw new Error(result.body.message);
      expect(result.body.redemption).toMatchObject({ status: 'pending', note, spent: 100 });
      ids.push(result.body.redemption.id);
    }
    expect(await balance(viewer)).toBe(0);
    const queue = await client().get<RedemptionPageDto>(`${ws()}/redeems?rewardId=${reward.id}`);
    expect(queue.body.redemptions.map((r) => r.note)).toEqual(['one', 'two', 'three']);

    const refunds = await Promise.all([
      client().post<RedemptionDto>(`${ws()}/redeems/${ids[0]}/refund`),
      client().post<ApiErrorDto>(`${ws()}/redeems/${ids[0]}/refund`),
    ]);
    expect(refunds.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await balance(viewer)).toBe(100);
    const third = await client().post<ApiErrorDto>(`${ws()}/redeems/${ids[0]}/refund`);
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('redeems.already_decided');
    expect(await balance(viewer)).toBe(100);

    const rejected = await client().post<RedemptionDto>(`${ws()}/redeems/${ids[1]}/reject`);
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedBy: { userId: expect.any(String) } });
    const fulfilled = await client().post<RedemptionDto>(`${ws()}/redeems/${ids[2]}/fulfil`);
    expect(fulfilled.body.status).toBe('fulfilled');
    expect((await client().post(`${ws()}/redeems/${ids[2]}/refund`)).status).toBe(409);
    expect(await balance(viewer)).toBe(100);
    const [sums] = await suite.db.query<{ sum: string }>(
      `SELECT coalesce(sum(amount), 0)::text AS sum FROM points_ledger WHERE viewer_id = $1`,
      [viewer],
    );
    expect(Number(sums!.sum)).toBe(100);
  });

  it('applies global and per-viewer cooldowns with the seconds left', async () => {
    const [ana, ben] = [await newViewer(), await newViewer()];
    await credit(ana, 1000);
    await credit(ben, 1000);
    const global = await newReward({ price: 10, globalCooldownSeconds: 60 });
    expect((await redeem(ana, global.id)).body.outcome).toBe('queued');
    const cooling = await redeem(ben, global.id);
    expect(cooling.body).toMatchObject({ outcome: 'refused', reason: 'cooldown', balance: 1000 });
    const left = cooling.body.outcome === 'refused' ? cooling.body.cooldownSeconds : 0;
    expect(left).toBeGreaterThanOrEqual(58);
    expect(left).toBeLessThanOrEqual(60);

    const mine = await newReward({ price: 10, viewerCooldownSeconds: 60 });
    expect((await redeem(ana, mine.id)).body.outcome).toBe('queued');
    expect((await redeem(ana, mine.id)).body).toMatchObject({ outcome: 'refused', reason: 'cooldown' });
    expect((await redeem(ben, mine.id)).body.outcome).toBe('queued');
    // The end is the database's: once it has passed, the reward can be redeemed again.
    await suite.db.query(
      `UPDATE reward_cooldowns SET until = now() - interval '1 second' WHERE reward_id = $1`,
      [mine.id],
    );
    expect((await redeem(ana, mine.id)).body.outcome).toBe('queued');
  });

  it('limits per stream and per viewer, counting again after a new stream starts', async () => {
    const [ana, ben, cai] = [await newViewer(), await newViewer(), await newViewer()];
    for (const v of [ana, ben, cai]) await credit(v, 1000);
    const perViewer = await newReward({ price: 1, maxPerViewer: 1 });
    expect((await redeem(ana, perViewer.id)).body.outcome).toBe('queued');
    expect((await redeem(ana, perViewer.id)).body).toMatchObject({ outcome: 'refused', reason: 'limit' });
    expect((await redeem(ben, perViewer.id)).body.outcome).toBe('queued');

    const perStream = await newReward({ price: 1, maxPerStream: 2 });
    const racing = await Promise.all([ana, ben, cai, ana].map((v) => redeem(v, perStream.id)));
    expect(racing.filter((r) => r.body.outcome === 'queued')).toHaveLength(2);
    expect(racing.filter((r) => r.body.outcome === 'refused' && r.body.reason === 'limit')).toHaveLength(2);

    expect((await inject({ kind: 'stream_online' })).status).toBe(201);
    expect((await redeem(cai, perStream.id)).body.outcome).toBe('queued');
    expect((await redeem(ana, perViewer.id)).body.outcome).toBe('queued');
  });

  it('switches categories as a set; rewards without a category stay active', async () => {
    const viewer = await newViewer();
    await credit(viewer, 1000);
    const games = await newReward({ price: 1, categories: ['Games'] });
    const both = await newReward({ price: 1, categories: ['Games', 'Music'] });
    const free = await newReward({ price: 1 });

    const none = await client().put<CategoryDto[]>(`${ws()}/rewards/categories/active`, { active: [] });
    expect(none.status).toBe(200);
    expect((await redeem(viewer, games.id)).body).toMatchObject({ outcome: 'refused', reason: 'inactive' });
    expect((await redeem(viewer, both.id)).body).toMatchObject({ outcome: 'refused', reason: 'inactive' });
    expect((await redeem(viewer, free.id)).body.outcome).toBe('queued');

    const music = await client().put<CategoryDto[]>(`${ws()}/rewards/categories/active`, {
      active: ['music'],
    });
    expect(music.body.filter((c) => c.active).map((c) => c.name)).toEqual(['Music']);
    expect((await redeem(viewer, games.id)).body).toMatchObject({ reason: 'inactive' });
    expect((await redeem(viewer, both.id)).body.outcome).toBe('queued');
    const list = await client().get<RewardListDto>(`${ws()}/rewards`);
    expect(list.body.rewards.find((r) => r.id === games.id)?.active).toBe(false);

    const unknown = await client().put<ApiErrorDto>(`${ws()}/rewards/categories/active`, {
      active: ['nope'],
    });
    expect(unknown.status).toBe(400);
    await client().put(`${ws()}/rewards/categories/active`, { active: ['games', 'music'] });
    expect((await redeem(viewer, games.id)).body.outcome).toBe('queued');

    const disabled = await newReward({ price: 1, enabled: false });
    expect((await redeem(viewer, disabled.id)).body).toMatchObject({ reason: 'inactive' });
  });

  it('lets only followers redeem a followers reward, and subscribers a subscribers one', async () => {
    const followersOnly = await newReward({ price: 5, eligibility: 'followers' });
    const subsOnly = await newReward({ price: 5, eligibility: 'subscribers' });
    const name = `Fan ${randomUUID().slice(0, 6)}`;
    const said = await inject({ kind: 'message', viewer: { displayName: name }, text: 'hi' });
    const viewer = said.body.events[0]!.viewerId!;
    await credit(viewer, 100);
    expect((await redeem(viewer, followersOnly.id)).body).toMatchObject({ reason: 'not_eligible' });
    expect((await redeem(viewer, subsOnly.id)).body).toMatchObject({ reason: 'not_eligible' });
    await inject({ kind: 'follow', viewer: { displayName: name } });
    expect((await redeem(viewer, followersOnly.id)).body.outcome).toBe('queued');
    expect((await redeem(viewer, subsOnly.id)).body).toMatchObject({ reason: 'not_eligible' });
    await inject({ kind: 'message', viewer: { displayName: name, roles: ['subscriber'] }, text: 'subbed' });
    expect((await redeem(viewer, subsOnly.id)).body.outcome).toBe('queued');
  });

  it('redeems `!reward note` from chat into the queue with the note, and replies', async () => {
    const reward = await newReward({ name: `song${randomUUID().slice(0, 4)}`, type: 'note', price: 40 });
    const name = `Singer ${randomUUID().slice(0, 6)}`;
    const hello = await inject({ kind: 'message', viewer: { displayName: name }, text: 'hello' });
    const viewer = hello.body.events[0]!.viewerId!;
    await credit(viewer, 50);
    await inject({
      kind: 'message',
      viewer: { displayName: name },
      text: `!${reward.name} play the blue one`,
    });
    const replies = async () =>
      (
        await suite.db.query<{ text: string }>(
          `SELECT text FROM chat_outbox WHERE workspace_id = $1 AND text LIKE $2 ORDER BY seq`,
          [suite.owner.workspaceId, `@${name}%`],
        )
      ).map((row) => row.text);
    await until('the redeem reply', async () => (await replies()).length === 1);
    expect((await replies())[0]).toBe(
      `@${name} redeemed ${reward.name} for 40 points: it is in the queue (10 left).`,
    );
    const queue = await client().get<RedemptionPageDto>(`${ws()}/redeems?rewardId=${reward.id}`);
    expect(queue.body.redemptions).toEqual([
      expect.objectContaining({ note: 'play the blue one', status: 'pending', source: 'chat', spent: 40 }),
    ]);
    // Not enough points left: the reply says so; `!redeem` works the same way.
    await inject({ kind: 'message', viewer: { displayName: name }, text: `!redeem ${reward.name} again` });
    await until('the refusal reply', async () => (await replies()).length === 2);
    expect((await replies())[1]).toBe(
      `@${name} not enough points for ${reward.name}: it costs 40, you have 10.`,
    );
    await inject({ kind: 'message', viewer: { displayName: name }, text: '!rewards' });
    await until(
      'the rewards list',
      async () =>
        (
          await suite.db.query(`SELECT 1 FROM chat_outbox WHERE workspace_id = $1 AND text LIKE $2`, [
            suite.owner.workspaceId,
            `Rewards (points):%!${reward.name} 40%`,
          ])
        ).length === 1,
    );
    expect(await balance(viewer)).toBe(10);
  });

  it('counts counters (fulfilled at once), resets them, and clears the queue with refunds', async () => {
    const viewer = await newViewer();
    await credit(viewer, 100);
    const counter = await newReward({ type: 'counter', price: 1 });
    const first = await redeem(viewer, counter.id);
    expect(first.body.outcome).toBe('done');
    await redeem(viewer, counter.id);
    const read = async () => (await client().get<RewardDto>(`${ws()}/rewards/${counter.id}`)).body.count;
    expect(await read()).toBe(2);
    expect((await client().post(`${ws()}/redeems/counters/reset`, { rewardId: counter.id })).status).toBe(
      200,
    );
    expect(await read()).toBe(0);

    const list = await newReward({ price: 10 });
    await redeem(viewer, list.id);
    await redeem(viewer, list.id);
    expect(await balance(viewer)).toBe(78);
    const cleared = await client().post<{ cleared: number; status: string }>(`${ws()}/redeems/queue/clear`, {
      rewardId: list.id,
    });
    expect(cleared.body).toEqual({ cleared: 2, status: 'refunded' });
    expect(await balance(viewer)).toBe(98);
    const again = await client().post<{ cleared: number }>(`${ws()}/redeems/queue/clear`, {
      rewardId: list.id,
    });
    expect(again.body.cleared).toBe(0);
    expect(await balance(viewer)).toBe(98);
  });

  it('refuses every redeem in passive mode', async () => {
    const viewer = await newViewer();
    await credit(viewer, 100);
    const reward = await newReward({ price: 1 });
    await suite.db.query(
      `INSERT INTO points_settings (workspace_id, settings) VALUES ($1, '{"passive": true}')
       ON CONFLICT (workspace_id) DO UPDATE SET settings = points_settings.settings || '{"passive": true}'`,
      [suite.owner.workspaceId],
    );
    try {
      expect((await redeem(viewer, reward.id)).body).toMatchObject({ outcome: 'refused', reason: 'passive' });
    } finally {
      await suite.db.query(
        `UPDATE points_settings SET settings = settings || '{"passive": false}' WHERE workspace_id = $1`,
        [suite.owner.workspaceId],
      );
    }
    expect((await redeem(viewer, reward.id)).body.outcome).toBe('queued');
  });

  it('tells the panel which rewards a viewer can redeem now, and why not', async () => {
    const viewer = await newViewer();
    await credit(viewer, 50);
    const cheap = await newReward({ price: 10, viewerCooldownSeconds: 120 });
    const dear = await newReward({ price: 500 });
    const fans = await newReward({ price: 1, eligibility: 'subscribers' });
    const service = suite.app.podium.app.get(RedeemService);
    const before = await service.availabilityFor(suite.owner.workspaceId, viewer);
    const byId = (list: RewardAvailability[], id: string) => list.find((a) => a.rewardId === id);
    expect(byId(before, cheap.id)).toEqual({ rewardId: cheap.id, unavailable: null, cooldownSeconds: null });
    expect(byId(before, dear.id)?.unavailable).toBe('insufficient');
    expect(byId(before, fans.id)?.unavailable).toBe('not_eligible');
    expect((await redeem(viewer, cheap.id)).body.outcome).toBe('queued');
    const after = byId(await service.availabilityFor(suite.owner.workspaceId, viewer), cheap.id);
    expect(after?.unavailable).toBe('cooldown');
    expect(after?.cooldownSeconds).toBeGreaterThan(100);
  });

  it('imports a Tlapbot rewards file, skipping bad and existing names', async () => {
    const file = {
      hydrate_tb: { price: 60, type: 'list', info: 'Make me drink water.', categories: ['default'] },
      question_tb: { price: 100, type: 'note', info: 'Ask anything' },
      lurk_tb: { price: 1, type: 'counter', info: 'Lurk counter' },
      mic_tb: { goal: 5000, type: 'milestone', info: 'A new microphone' },
      'bad name': { price: 1 },
    };
    const first = await client().post<ImportRewardsResultDto>(`${ws()}/rewards/import`, file);
    expect(first.status).toBe(201);
    expect(first.body.created.map((r) => [r.name, r.type, r.price]).sort()).toEqual([
      ['hydrate_tb', 'list', 60],
      ['lurk_tb', 'counter', 1],
      ['mic_tb', 'goal', 0],
      ['question_tb', 'note', 100],
    ]);
    expect(first.body.created.find((r) => r.name === 'mic_tb')?.goal).toEqual({
      target: 5000,
      milestones: [],
    });
    expect(first.body.created.find((r) => r.name === 'hydrate_tb')?.categories).toEqual(['default']);
    expect(first.body.skipped.map((s) => s.name)).toEqual(['bad name']);
    const second = await client().post<ImportRewardsResultDto>(`${ws()}/rewards/import`, file);
    expect(second.body.created).toEqual([]);
    expect(second.body.skipped).toHaveLength(5);
    const empty = await client().post<{ code: string; message: string }>(`${ws()}/rewards/import`, {});
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'validation.failed' });
    expect(empty.body.message).toMatch(/^body must hold at least one reward/);
  });
});
