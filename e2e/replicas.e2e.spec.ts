import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionDto, MeDto, OAuthStartDto } from '@podium/contracts';
import { type Delivery, FakeTwitch, type FakeTwitchUser } from '@podium/fakes';
import { type Cluster, Session, sleep, startCluster, until } from './support/replicas';

/** Twitch calls this address back; the "load balancer" below decides which replica answers. */
const PUBLIC_URL = 'https://podium.example.test';
const BROADCASTER: FakeTwitchUser = { id: '73519108', login: 'lumenfall', displayName: 'Lumenfall' };
const VIEWERS: FakeTwitchUser[] = ['Grace', 'Linus', 'Ada', 'Ken'].map((name, i) => ({
  id: String(600_000_000 + i),
  login: name.toLowerCase(),
  displayName: name,
}));
/** Scheduled work runs on a short period here: jobs every 200 ms, "minutes" of one second. */
const PERIOD_MS = 1_000;
const TICK_MS = 200;
const HOUSEKEEPING_MS = 500;
const POINTS_PER_CYCLE = 7;
/** The recorded Twitch chat notification the api's own tests use. */
const CHAT_EVENT = (
  JSON.parse(
    readFileSync(
      join(
        __dirname,
        '../apps/api/test/fixtures/twitch/eventsub/notification.channel.chat.message.plain.json',
      ),
      'utf8',
    ),
  ) as { body: { event: Record<string, unknown> } }
).body.event;

/**
 * Three built api processes (A, B, C) on one PostgreSQL database and one Redis prefix: whatever lands
 * on several of them, and whatever each of them schedules, has its effect once.
 */
describe('three api processes on one PostgreSQL and one Redis: work done once', () => {
  let cluster: Cluster;
  let twitch: FakeTwitch;
  const url = (i: number) => cluster.urls[i]!;
  const owner = new Session();
  let workspaceId = '';
  let twitchConnectionId = '';
  /** Where the next Twitch callback goes: the load balancer's choice. */
  let callbackTo = 0;

  const query = (sql: string) => cluster.db.query(sql);
  const count = async (sql: string) => Number((await query(sql))[0]!['n']);
  const say = (viewer: FakeTwitchUser, text: string): Promise<Delivery[]> =>
    twitch.deliver('channel.chat.message', {
      ...CHAT_EVENT,
      message_id: randomUUID(),
      chatter_user_id: viewer.id,
      chatter_user_login: viewer.login,
      chatter_user_name: viewer.displayName,
      badges: [],
      message: { text, fragments: [{ type: 'text', text, cheermote: null, emote: null, mention: null }] },
    });

  beforeAll(async () => {
    twitch = await FakeTwitch.start({ users: [BROADCASTER, ...VIEWERS] });
    twitch.routeCallbacks(PUBLIC_URL, () => url(callbackTo));
    cluster = await startCluster(3, {
      PUBLIC_URL,
      TWURPLE_MOCK_API_PORT: String(twitch.port),
      TWITCH_CLIENT_ID: twitch.clientId,
      TWITCH_CLIENT_SECRET: twitch.clientSecret,
      TWITCH_AUTHORIZE_URL: `${twitch.url}/auth/authorize`,
      HOUSEKEEPING_EVERY_MS: String(HOUSEKEEPING_MS),
      POINTS_CYCLE_TICK_MS: String(TICK_MS),
      POINTS_CYCLE_MINUTE_MS: String(PERIOD_MS),
      BOTS_ANNOUNCEMENT_TICK_MS: String(TICK_MS),
      BOTS_ANNOUNCEMENT_MINUTE_MS: String(PERIOD_MS),
    });
    const me = await owner.call<MeDto>(url(0), 'POST', '/api/setup', {
      email: 'host@example.org',
      password: 'a long enough passphrase',
      displayName: 'Host',
      workspaceName: 'Replicas',
    });
    workspaceId = me.memberships[0]!.workspaceId;
    // Off until the test that measures them, so no cycle pays a half-present audience.
    await owner.call(url(1), 'PUT', `/api/workspaces/${workspaceId}/points/settings`, {
      cyclesEnabled: false,
    });

    // "Connect with Twitch" on A: Podium's authorize URL, the fake approves, the callback lands on A.
    twitch.signInAs(BROADCASTER.id);
    const start = await owner.call<OAuthStartDto>(
      url(0),
      'GET',
      `/api/workspaces/${workspaceId}/connections/twitch/authorize?role=broadcaster`,
    );
    const atTwitch = await fetch(start.authorizeUrl, { redirect: 'manual' });
    const callback = new URL(atTwitch.headers.get('location') ?? '');
    const back = await fetch(`${url(0)}${callback.pathname}${callback.search}`, { redirect: 'manual' });
    expect(back.status).toBe(302);
    const connections = await owner.call<ConnectionDto[]>(
      url(2),
      'GET',
      `/api/workspaces/${workspaceId}/connections`,
    );
    const connection = connections.find((c) => c.platform === 'twitch')!;
    expect(connection.subscriptions.length).toBeGreaterThan(0);
    expect(connection.subscriptions.every((s) => s.status === 'enabled')).toBe(true);
    twitchConnectionId = connection.id;
  });
  afterAll(async () => {
    await cluster?.stop();
    await twitch?.close();
  });

  it('all three serve, and the housekeeping job fires once per period, not once per replica', async () => {
    for (const base of cluster.urls) {
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        database: { mode: 'postgres' },
        redis: { state: 'up' },
        scheduler: { driver: 'bullmq' },
      });
    }

    const since = new Date().toISOString();
    await sleep(HOUSEKEEPING_MS * 8);
    // Other periodic jobs also record runs: count the housekeeping one.
    const runs = await query(
      `select run_key, instance_id from job_runs
       where job_name = 'auth.purgeExpiredSessions' and started_at >= '${since}'`,
    );
    const keys = runs.map((r) => r['run_key']);
    expect(new Set(keys).size).toBe(keys.length);
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(runs.length).toBeLessThanOrEqual(9);
  });

  it('answers a Twitch command delivered to A, then the same delivery to B and C at once, a single time', async () => {
    await owner.call(url(1), 'POST', `/api/workspaces/${workspaceId}/bots/commands`, {
      name: 'hello',
      responses: ['Hello {user}!'],
    });
    callbackTo = 0;
    const [delivery] = await say(VIEWERS[0]!, '!hello');
    if (delivery?.transport !== 'webhook') throw new Error('expected a webhook delivery');
    expect(delivery.url.startsWith(url(0))).toBe(true);
    expect(delivery.status).toBeLessThan(300);

    // Twitch resends the very same message (same id, bytes and signature); it lands on B and C together.
    const path = new URL(delivery.url).pathname;
    const copies = await Promise.all(
      [url(1), url(2)].map((base) =>
        fetch(`${base}${path}`, { method: 'POST', headers: delivery.headers, body: delivery.rawBody }),
      ),
    );
    expect(copies.map((r) => r.status < 300)).toEqual([true, true]);

    const replies = () => twitch.chatMessages.filter((m) => m.message === 'Hello Grace!');
    await until('the reply at Twitch', () => replies().length > 0);
    await sleep(1_000);
    expect(replies()).toHaveLength(1);
    const messageId = messageIdOf(delivery.rawBody);
    await expect(
      count(`select count(*) as n from chat_events where external_id = 'message:${messageId}'`),
    ).resolves.toBe(1);
    await expect(count(`select count(*) as n from chat_outbox where text = 'Hello Grace!'`)).resolves.toBe(1);
  });

  it('pays each present viewer once per points cycle and posts an announcement once per period', async () => {
    // Four viewers chat (through whichever replica Twitch reaches): they are present for the cycles.
    for (const [i, viewer] of VIEWERS.entries()) {
      callbackTo = i % 3;
      await say(viewer, `hi from ${viewer.displayName}`);
    }
    await until(
      'the chat recorded',
      async () =>
        (await count(
          `select count(distinct viewer_id) as n from chat_events where kind = 'message' and processed_at is not null`,
        )) === VIEWERS.length,
    );

    const settings = `/api/workspaces/${workspaceId}/points/settings`;
    const announcements = `/api/workspaces/${workspaceId}/bots/announcements`;
    const started = Date.now();
    await owner.call(url(0), 'PUT', settings, {
      cyclesEnabled: true,
      cycleMinutes: 1,
      pointsPerCycle: POINTS_PER_CYCLE,
      onlyWhileLive: false,
    });
    const announcement = await owner.call<{ id: string }>(url(1), 'POST', announcements, {
      name: 'Follow',
      messages: ['Follow the channel!'],
      intervalMinutes: 1,
      liveOnly: false,
    });
    await sleep(6 * PERIOD_MS);
    await owner.call(url(2), 'PUT', settings, { cyclesEnabled: false });
    await owner.call(url(2), 'PATCH', `${announcements}/${announcement.id}`, { enabled: false });
    const elapsedPeriods = (Date.now() - started) / PERIOD_MS;
    await sleep(2 * TICK_MS); // a tick that read the settings before they changed finishes

    // Points: every paid cycle paid every present viewer exactly once, and nothing else was paid
    // (no other source of points is on here: no stream, no follows, no streaks).
    const cycles = await query(`select cycle_start, paid_viewers from points_cycles`);
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    expect(cycles.length).toBeLessThanOrEqual(Math.ceil(elapsedPeriods) + 1);
    expect(cycles.every((c) => c['paid_viewers'] === VIEWERS.length)).toBe(true);
    const balances = await query(`select balance::int as balance from points_balances`);
    expect(balances.map((b) => b['balance'])).toEqual(VIEWERS.map(() => cycles.length * POINTS_PER_CYCLE));

    // Announcements: at most one post per period on the Twitch connection, each sent to Twitch once.
    const posts = await count(
      `select count(*) as n from chat_outbox
       where text = 'Follow the channel!' and connection_id = '${twitchConnectionId}'`,
    );
    expect(posts).toBeGreaterThanOrEqual(3);
    expect(posts).toBeLessThanOrEqual(Math.ceil(elapsedPeriods) + 1);
    await until(
      'the announcements at Twitch',
      () => twitch.chatMessages.filter((m) => m.message === 'Follow the channel!').length === posts,
    );
  });
});

/** The chat message id inside a delivered notification body. */
function messageIdOf(rawBody: string): string {
  return String((JSON.parse(rawBody) as { event: { message_id: string } }).event.message_id);
}
