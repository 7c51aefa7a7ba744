import { randomUUID } from 'node:crypto';
import { FakeOwncast, FakeTwitch, type FakeTwitchUser } from '@podium/fakes';
import { Client } from 'pg';
import { newQuestionInput, newOwner } from './support/factories';
import { ok, request, until } from './support/live-harness';
import { clearRedisPrefix, newRedisPrefix, startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import { useTestSuite } from './support/test-suite';
import { BROADCASTER, connectThroughOAuth, twitchEnv } from './support/twitch-connect';
import { type CycleOutcome, PointsCyclesJob } from '../src/modules/points/cycles/points-cycles.job';
import { PointsLedger } from '../src/modules/points/points-ledger';

const MINUTE = 60_000;
/** Suites that run cycles by hand keep the app's own scheduled tick out of the way. */
const NO_TICK = { POINTS_CYCLE_TICK_MS: String(24 * 60 * MINUTE) };

/** Seeds chat the way the pipeline records it (already processed): connections, viewers, messages. */
class ChatSeed {
  constructor(
    private readonly db: TestDatabase,
    private readonly workspaceId: string,
  ) {}

  /** A connection no adapter runs (disconnected), live or offline by its latest stream event. */
  async connection(live: boolean): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO platform_connections (workspace_id, platform, account_id, status)
       VALUES ($1, 'owncast', $2, 'disconnected') RETURNING id`,
      [this.workspaceId, randomUUID()],
    );
    await this.event(row!.id, null, live ? 'stream_online' : 'stream_offline', new Date());
    return row!.id;
  }

  async viewers(count: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, display_name)
       SELECT $1, 'owncast', gen_random_uuid()::text, 'viewer ' || n FROM generate_series(1, $2) n RETURNING id`,
      [this.workspaceId, count],
    );
    return rows.map((row) => row.id);
  }

  async messages(connectionId: string, viewerIds: readonly string[], at: Date): Promise<void> {
    for (const viewerId of viewerIds) await this.event(connectionId, viewerId, 'message', at);
  }

  private async event(connectionId: string, viewerId: string | null, kind: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO chat_events (workspace_id, connection_id, platform, external_id, kind, viewer_id, payload,
         occurred_at, received_at, processed_at)
       VALUES ($1, $2, 'owncast', $3, $4, $5, $6::jsonb, $7, $7, now())`,
      [
        this.workspaceId,
        connectionId,
        randomUUID(),
        kind,
        viewerId,
        JSON.stringify({ kind, text: 'hi' }),
        at,
      ],
    );
  }
}

/** A cycle's payees: one compact payout row each (cycles write no ledger rows). */
async function watchRows(db: TestDatabase, workspaceId: string, cycleStart: Date) {
  return db.query<{ viewer_id: string; amount: string }>(
    `SELECT p.viewer_id, c.points::text AS amount FROM points_cycle_payouts p
     JOIN points_cycles c ON c.workspace_id = p.workspace_id AND c.seq = p.cycle_seq
     WHERE p.workspace_id = $1 AND c.cycle_start = $2`,
    [workspaceId, cycleStart],
  );
}

async function balances(db: TestDatabase, viewerIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ viewer_id: string; balance: string }>(
    `SELECT viewer_id, balance::text FROM points_balances WHERE viewer_id = ANY($1::uuid[])`,
    [viewerIds],
  );
  return new Map(rows.map((row) => [row.viewer_id, Number(row.balance)]));
}

function startOf(at: Date, minutes: number): Date {
  return new Date(Math.floor(at.getTime() / (minutes * MINUTE)) * minutes * MINUTE);
}

describe('Points cycles across three replicas (PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let prefix: string;
  let apps: TestApp[] = [];
  let owner: Awaited<ReturnType<typeof newOwner>>;
  let seed: ChatSeed;
  let present: string[];

  beforeAll(async () => {
    db = await TestDatabase.create();
    prefix = newRedisPrefix();
    const env = { POINTS_CYCLE_TICK_MS: '300' };
    apps = await Promise.all(
      [0, 1, 2].map(() => startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env })),
    );
    owner = await newOwner(apps[0]!.baseUrl);
    const settings = `/api/workspaces/${owner.workspaceId}/points/settings`;
    // Off while seeding, so no tick pays a half-seeded audience.
    await owner.client.put(settings, { cyclesEnabled: false });
    seed = new ChatSeed(db, owner.workspaceId);
    const live = await seed.connection(true);
    present = await seed.viewers(40);
    await seed.messages(live, present, new Date());
    await owner.client.put(settings, { cyclesEnabled: true, cycleMinutes: 1 });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await db?.drop();
    await clearRedisPrefix(prefix);
  });

  it('pays the current cycle once from the scheduled job running on all three', async () => {
    const cycles = () =>
      db.query<{ cycle_start: Date; paid_viewers: number }>(
        `SELECT cycle_start, paid_viewers FROM points_cycles WHERE workspace_id = $1`,
        [owner.workspaceId],
      );
    await until('a cycle paid by the scheduler', async () => (await cycles()).length > 0, 15_000);
    // Let every replica tick a few more times inside the same cycles.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const paid = await cycles();
    for (const cycle of paid) {
      const rows = await watchRows(db, owner.workspaceId, cycle.cycle_start);
      expect(rows).toHaveLength(40);
      expect(new Set(rows.map((row) => row.viewer_id)).size).toBe(40);
      expect(cycle.paid_viewers).toBe(40);
    }
    const held = await balances(db, present);
    expect([...held.values()].every((balance) => balance === 10 * paid.length)).toBe(true);
  });

  it('pays a cycle once when all three race for it many times', async () => {
    const now = new Date(Date.now() + 5 * MINUTE);
    const before = await balances(db, present);
    const outcomes: CycleOutcome[] = await Promise.all(
      apps.flatMap((app) =>
        Array.from({ length: 4 }, () => app.podium.app.get(PointsCyclesJob).runCycle(owner.workspaceId, now)),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'paid')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'already_paid')).toHaveLength(11);
    const rows = await watchRows(db, owner.workspaceId, startOf(now, 1));
    expect(rows.map((row) => row.viewer_id).sort()).toEqual([...present].sort());
    const after = await balances(db, present);
    for (const viewer of present) expect(after.get(viewer)).toBe((before.get(viewer) ?? 0) + 10);
  });
});

describe('Points cycles: presence, live-only, a payer killed mid-cycle (PostgreSQL)', () => {
  const suite = useTestSuite({ env: () => NO_TICK });
  // Three hours back: the app's own scheduled ticks (at the real time) find nobody present then.
  const past = new Date(Date.now() - 3 * 60 * MINUTE);
  const job = () => suite.app.podium.app.get(PointsCyclesJob);
  let seed: ChatSeed;
  let onLive: string[];
  let onOffline: string[];
  let absent: string[];

  beforeAll(async () => {
    seed = new ChatSeed(suite.db, suite.owner.workspaceId);
    const live = await seed.connection(true);
    const offline = await seed.connection(false);
    onLive = await seed.viewers(5);
    onOffline = await seed.viewers(3);
    absent = await seed.viewers(2);
    await seed.messages(live, onLive, new Date(past.getTime() - MINUTE));
    await seed.messages(offline, onOffline, new Date(past.getTime() - 2 * MINUTE));
    // Chatted, but 11 minutes before the cycle: outside the 10-minute window.
    await seed.messages(live, absent, new Date(past.getTime() - 11 * MINUTE));
  });

  it('rolls back a payout whose connection is killed midway, and pays it once on the next run', async () => {
    const ledger = suite.app.podium.app.get(PointsLedger);
    const victim = onLive[0]!;
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId: victim,
        amount: 1,
        reason: 'adjust',
      }),
    );
    const locker = new Client({ connectionString: suite.db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`SELECT 1 FROM points_balances WHERE viewer_id = $1 FOR UPDATE`, [victim]);
      const running = job()
        .runCycle(suite.owner.workspaceId, past)
        .then(
          (outcome) => ({ outcome }),
          (error: unknown) => ({ error }),
        );
      let pid: number | undefined;
      await until('the payout blocked mid-statement', async () => {
        const [row] = await suite.db.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%points cycle payout%'`,
        );
        pid = row?.pid;
        return pid !== undefined;
      });
      await suite.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
      const result = await running;
      expect('error' in result).toBe(true);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    const start = startOf(past, 10);
    expect(await watchRows(suite.db, suite.owner.workspaceId, start)).toHaveLength(0);
    expect(
      await suite.db.query(`SELECT 1 FROM points_cycles WHERE workspace_id = $1 AND cycle_start = $2`, [
        suite.owner.workspaceId,
        start,
      ]),
    ).toHaveLength(0);

    expect(await job().runCycle(suite.owner.workspaceId, past)).toEqual({
      kind: 'paid',
      cycleStart: start,
      viewers: 5,
    });
    expect(await job().runCycle(suite.owner.workspaceId, past)).toEqual({ kind: 'already_paid' });
    const rows = await watchRows(suite.db, suite.owner.workspaceId, start);
    expect(rows.map((row) => row.viewer_id).sort()).toEqual([...onLive].sort());
    const held = await balances(suite.db, [...onLive, ...onOffline, ...absent]);
    expect(held.get(victim)).toBe(11);
    for (const viewer of onLive.slice(1)) expect(held.get(viewer)).toBe(10);
    for (const viewer of [...onOffline, ...absent]) expect(held.has(viewer)).toBe(false);
  });

  it('counts an offline channel’s chat once live-only is switched off', async () => {
    const { client, workspaceId } = suite.owner;
    await client.put(`/api/workspaces/${workspaceId}/points/settings`, { onlyWhileLive: false });
    const next = new Date(past.getTime() + 10 * MINUTE);
    // The window reaches back 10 minutes from the next cycle: the offline chatters (12 min before) miss it.
    expect(await job().runCycle(workspaceId, next)).toMatchObject({
      kind: 'skipped',
      reason: 'nobody_present',
    });
    await client.put(`/api/workspaces/${workspaceId}/points/settings`, { presenceWindowMinutes: 15 });
    expect(await job().runCycle(workspaceId, next)).toMatchObject({ kind: 'paid', viewers: 8 });
    const rows = await watchRows(suite.db, workspaceId, startOf(next, 10));
    expect(rows.map((row) => row.viewer_id).sort()).toEqual([...onLive, ...onOffline].sort());
  });

  it('pays nothing while every channel is offline in live-only mode, nor when switched off', async () => {
    const { client, workspaceId } = suite.owner;
    await client.put(`/api/workspaces/${workspaceId}/points/settings`, { onlyWhileLive: true });
    await suite.db.query(
      `INSERT INTO chat_events (workspace_id, connection_id, platform, external_id, kind, payload, occurred_at, received_at, processed_at)
       SELECT workspace_id, id, 'owncast', gen_random_uuid()::text, 'stream_offline', '{}'::jsonb, now(), now(), now()
       FROM platform_connections WHERE workspace_id = $1`,
      [workspaceId],
    );
    const later = new Date(past.getTime() + 20 * MINUTE);
    expect(await job().runCycle(workspaceId, later)).toEqual({ kind: 'skipped', reason: 'not_live' });
    await client.put(`/api/workspaces/${workspaceId}/points/settings`, {
      onlyWhileLive: false,
      cyclesEnabled: false,
    });
    expect(await job().runCycle(workspaceId, later)).toEqual({ kind: 'skipped', reason: 'disabled' });
    expect(await watchRows(suite.db, workspaceId, startOf(later, 10))).toHaveLength(0);
  });
});

describe('!points in chat (in-room)', () => {
  const suite = useTestSuite({ env: () => NO_TICK });

  it('answers with the asker’s balance and the currency name', async () => {
    const { client, workspaceId } = suite.owner;
    await client.put(`/api/workspaces/${workspaceId}/points/settings`, { currencyName: 'gems' });
    const { meeting } = await suite.meetingWith(newQuestionInput('poll'));
    const org = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-points');
    ok(await suite.live.command(org.socket, meeting.id, 'start', org.snapshot.state.version));
    const ada = await suite.live.attendee(meeting, 'Ada');
    ok(await request(ada.socket, 'inroom.send', { text: 'hello' }));
    let viewerId: string | undefined;
    await until('Ada is a viewer', async () => {
      const [row] = await suite.db.query<{ id: string }>(
        `SELECT id FROM viewers WHERE workspace_id = $1 AND display_name = 'Ada'`,
        [workspaceId],
      );
      viewerId = row?.id;
      return viewerId !== undefined;
    });
    await client.post(`/api/workspaces/${workspaceId}/points/adjust`, {
      viewerId,
      amount: 1234,
      reason: 'seed',
    });
    ok(await request(ada.socket, 'inroom.send', { text: '!points' }));
    const said = async () =>
      (
        await suite.db.query<{ text: string }>(`SELECT text FROM chat_outbox WHERE workspace_id = $1`, [
          workspaceId,
        ])
      ).map((row) => row.text);
    await until('the reply queued', async () => (await said()).some((text) => text.includes('gems')), 10_000);
    expect(await said()).toContain('Ada has 1,234 gems');
  });
});

describe('Points cycles: viewers the platforms list (fake Twitch and Owncast)', () => {
  const OWNCAST_TOKEN = 'Xq9_fixture-owncast-access-token-5uQ2n0sV8kYtRz3wLbM1=';
  const LURKER: FakeTwitchUser = { id: '161803398', login: 'quietlurker', displayName: 'QuietLurker' };
  let twitch: FakeTwitch;
  let owncast: FakeOwncast;
  beforeAll(async () => {
    twitch = await FakeTwitch.start({ users: [BROADCASTER, LURKER] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(twitch.port);
    owncast = await FakeOwncast.start({ accessToken: OWNCAST_TOKEN });
  });
  const suite = useTestSuite({
    env: () => ({ ...NO_TICK, PUBLIC_URL: 'https://podium.example.test', ...twitchEnv(twitch) }),
  });
  afterAll(async () => {
    await Promise.all([twitch?.close(), owncast?.close()]);
    delete process.env['TWURPLE_MOCK_API_PORT'];
  });

  it('pays Twitch chatters and Owncast clients who never wrote, once each', async () => {
    const { client, workspaceId } = suite.owner;
    twitch.routeCallbacks('https://podium.example.test', () => suite.app.baseUrl);
    await connectThroughOAuth(suite.app, client, workspaceId);
    const connected = await client.post(`/api/workspaces/${workspaceId}/connections/owncast`, {
      instanceUrl: owncast.url,
      accessToken: OWNCAST_TOKEN,
    });
    expect(connected.status).toBe(201);
    twitch.setChatters(BROADCASTER.id, [LURKER]);
    const job = suite.app.podium.app.get(PointsCyclesJob);
    const now = new Date();
    // Chatted mode: nobody wrote, nobody is paid.
    await client.put(`/api/workspaces/${workspaceId}/points/settings`, { onlyWhileLive: false });
    expect(await job.runCycle(workspaceId, now)).toMatchObject({ kind: 'skipped', reason: 'nobody_present' });

    await client.put(`/api/workspaces/${workspaceId}/points/settings`, { presenceMode: 'listed' });
    expect(await job.runCycle(workspaceId, now)).toMatchObject({ kind: 'paid', viewers: 3 });
    const paid = await suite.db.query<{ platform: string; display_name: string; balance: string }>(
      `SELECT v.platform, v.display_name, b.balance::text FROM points_balances b JOIN viewers v ON v.id = b.viewer_id
       WHERE b.workspace_id = $1 ORDER BY v.display_name`,
      [workspaceId],
    );
    expect(paid.map((row) => [row.platform, row.display_name, Number(row.balance)])).toEqual([
      ['owncast', 'PixelMoth', 10],
      ['owncast', 'QuietFern', 10],
      ['twitch', 'QuietLurker', 10],
    ]);
    expect(await job.runCycle(workspaceId, now)).toEqual({ kind: 'already_paid' });

    // A platform that does not answer lists nobody; the other one still counts.
    await owncast.close();
    const next = new Date(now.getTime() + 10 * MINUTE);
    expect(await job.runCycle(workspaceId, next)).toMatchObject({ kind: 'paid', viewers: 1 });
  });
});
