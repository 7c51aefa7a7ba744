import { randomUUID } from 'node:crypto';
import type {
  AnnouncementDto,
  ApiErrorDto,
  ChatEventInput,
  CreateAnnouncementRequest,
} from '@podium/contracts';
import { AnnouncementsJob } from '../src/modules/bots/announcements/announcements.job';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { ChatPipeline } from '../src/modules/chat/events/chat-pipeline';
import { newOwner, newQuestionInput } from './support/factories';
import type { HttpClient } from './support/http-client';
import { ok, sleep, until } from './support/live-harness';
import { nextEvent } from './support/sockets';
import { clearRedisPrefix, newRedisPrefix, startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';
import { useTestSuite } from './support/test-suite';

/** A "minute" of one second, checked five times a second. */
const MINUTE_MS = 1_000;
const ENV = { BOTS_ANNOUNCEMENT_TICK_MS: '200', BOTS_ANNOUNCEMENT_MINUTE_MS: String(MINUTE_MS) };

interface Post {
  text: string;
  created_at: Date;
}

async function postsOf(db: TestDatabase, texts: string[]): Promise<Post[]> {
  return db.query<Post>(
    'select text, created_at from chat_outbox where text = any($1::text[]) order by seq',
    [texts],
  );
}

async function createAnnouncement(
  client: HttpClient,
  workspaceId: string,
  overrides: Partial<CreateAnnouncementRequest> = {},
): Promise<AnnouncementDto> {
  const tag = randomUUID().slice(0, 8);
  const created = await client.post<AnnouncementDto>(`/api/workspaces/${workspaceId}/bots/announcements`, {
    name: `Announcement ${tag}`,
    messages: [`Follow us ${tag}`],
    intervalMinutes: 1,
    liveOnly: false,
    ...overrides,
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe('periodic announcements (PostgreSQL, in-process scheduler)', () => {
  const suite = useTestSuite({ env: () => ENV });
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const inroom = () => suite.app.podium.app.get(ConnectionsService).ensureInroom(suite.owner.workspaceId);
  const announcements: AnnouncementDto[] = [];

  async function announce(overrides: Partial<CreateAnnouncementRequest> = {}) {
    await inroom();
    const created = await createAnnouncement(suite.owner.client, suite.owner.workspaceId, overrides);
    announcements.push(created);
    return created;
  }

  // Each test's announcement stops when the test ends, so the next test's chat is its own.
  afterEach(async () => {
    for (const announcement of announcements.splice(0)) {
      await suite.owner.client.patch(`${ws()}/bots/announcements/${announcement.id}`, { enabled: false });
    }
  });

  async function ingest(inputs: ChatEventInput[]): Promise<void> {
    await suite.app.podium.app.get(ChatPipeline).ingest(await inroom(), inputs);
  }
  const chatLine = (text: string): ChatEventInput => ({
    kind: 'message',
    externalId: `m-${randomUUID()}`,
    viewer: { platform: 'inroom', platformUserId: `u-${randomUUID()}`, displayName: 'Chatty', roles: [] },
    text,
    occurredAt: new Date().toISOString(),
  });
  const streamEvent = (kind: 'stream_online' | 'stream_offline'): ChatEventInput => ({
    kind,
    externalId: `s-${randomUUID()}`,
    occurredAt: new Date().toISOString(),
  });

  it('validates settings with the field at fault, and 404s a stranger id', async () => {
    const bad = await suite.owner.client.post<ApiErrorDto>(`${ws()}/bots/announcements`, {
      name: 'Too many',
      messages: Array.from({ length: 11 }, (_, i) => `m${i}`),
      intervalMinutes: 0,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/messages|intervalMinutes/);
    const unknownConnection = await suite.owner.client.post<ApiErrorDto>(`${ws()}/bots/announcements`, {
      name: 'Nowhere',
      messages: ['hi'],
      connectionIds: [randomUUID()],
    });
    expect(unknownConnection.status).toBe(400);
    expect(unknownConnection.body.code).toBe('bots.unknown_connection');
    const missing = await suite.owner.client.patch<ApiErrorDto>(
      `${ws()}/bots/announcements/${randomUUID()}`,
      {
        enabled: false,
      },
    );
    expect(missing.status).toBe(404);
  });

  it('posts once per period, rotating its messages in order', async () => {
    const tag = randomUUID().slice(0, 8);
    const messages = [`first ${tag}`, `second ${tag}`, `third ${tag}`];
    const announcement = await announce({ messages, intervalMinutes: 1 });
    await until('three posts', async () => (await postsOf(suite.db, messages)).length >= 3, 8_000);
    const posts = await postsOf(suite.db, messages);
    expect(posts.slice(0, 3).map((p) => p.text)).toEqual(messages);
    // Never before its period: the first one a period after creation, then a period apart.
    const times = [new Date(announcement.createdAt), ...posts.map((p) => p.created_at)];
    for (let i = 1; i < times.length; i += 1) {
      expect(times[i]!.getTime() - times[i - 1]!.getTime()).toBeGreaterThanOrEqual(MINUTE_MS - 50);
    }
    const listed = await suite.owner.client.get<AnnouncementDto[]>(`${ws()}/bots/announcements`);
    const mine = listed.body.find((a) => a.id === announcement.id);
    expect(mine?.lastPostedAt).not.toBeNull();
    expect(mine?.nextMessageIndex).toBe(posts.length % 3);
  });

  it('skips while chat is silent, then posts once when enough messages came', async () => {
    const announcement = await announce({ minChatMessages: 3 });
    const texts = announcement.messages;
    await sleep(2.5 * MINUTE_MS);
    expect(await postsOf(suite.db, texts)).toHaveLength(0);

    await ingest([chatLine('hello'), chatLine('anyone?')]);
    await sleep(1.5 * MINUTE_MS);
    expect(await postsOf(suite.db, texts)).toHaveLength(0);

    await ingest([chatLine('third message')]);
    await until('the post', async () => (await postsOf(suite.db, texts)).length === 1, 3_000);
    // Silent again since that post: no second one, however many periods pass.
    await sleep(2.5 * MINUTE_MS);
    expect(await postsOf(suite.db, texts)).toHaveLength(1);
  });

  it('does not count what Podium itself said as chat activity', async () => {
    const announcement = await announce({ minChatMessages: 1 });
    const [text] = announcement.messages;
    // An echo of Podium's own line (as Twitch sends the broadcaster's messages back).
    await suite.db.query(
      `insert into chat_outbox (workspace_id, connection_id, text, status) values ($1, $2, $3, 'sent')`,
      [suite.owner.workspaceId, (await inroom()).id, 'Podium said this'],
    );
    await ingest([chatLine('Podium said this')]);
    await sleep(2.5 * MINUTE_MS);
    expect(await postsOf(suite.db, [text!])).toHaveLength(0);
    await ingest([chatLine('a real viewer')]);
    await until('the post', async () => (await postsOf(suite.db, [text!])).length === 1, 3_000);
  });

  it('posts a live-only announcement only while the stream is live', async () => {
    const announcement = await announce({ liveOnly: true });
    const texts = announcement.messages;
    await sleep(2.5 * MINUTE_MS);
    expect(await postsOf(suite.db, texts)).toHaveLength(0);

    await ingest([streamEvent('stream_online')]);
    await until('a post while live', async () => (await postsOf(suite.db, texts)).length >= 1, 3_000);
    await ingest([streamEvent('stream_offline')]);
    await sleep(0.3 * MINUTE_MS);
    const whenOffline = (await postsOf(suite.db, texts)).length;
    await sleep(2.5 * MINUTE_MS);
    expect(await postsOf(suite.db, texts)).toHaveLength(whenOffline);
  });

  it('counts the in-room chat as live while a meeting runs, and its attendees hear the post', async () => {
    const announcement = await announce({ liveOnly: true });
    const [text] = announcement.messages;
    await sleep(1.5 * MINUTE_MS);
    expect(await postsOf(suite.db, [text!])).toHaveLength(0);

    const { meeting } = await suite.meetingWith(newQuestionInput('poll'));
    const organizer = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-1');
    const attendee = await suite.live.attendee(meeting, 'Ada');
    const heard = nextEvent(attendee.socket, 'inroom.message', 4_000);
    ok(await suite.live.command(organizer.socket, meeting.id, 'start'));
    expect(await heard).toMatchObject({ text, fromHost: true });
    ok(await suite.live.command(organizer.socket, meeting.id, 'end'));
  });
});

describe('periodic announcements with two api processes sharing PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let prefix: string;
  let a: TestApp;
  let b: TestApp;
  let owner: Awaited<ReturnType<typeof newOwner>>;

  beforeAll(async () => {
    db = await TestDatabase.create();
    prefix = newRedisPrefix();
    [a, b] = await Promise.all([
      startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env: ENV }),
      startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env: ENV }),
    ]);
    owner = await newOwner(a.baseUrl);
    await a.podium.app.get(ConnectionsService).ensureInroom(owner.workspaceId);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
    if (prefix) await clearRedisPrefix(prefix);
  });

  it('posts once per period between them', async () => {
    const announcement = await createAnnouncement(owner.client, owner.workspaceId, { intervalMinutes: 1 });
    await sleep(5.5 * MINUTE_MS);
    await owner.client.patch(`/api/workspaces/${owner.workspaceId}/bots/announcements/${announcement.id}`, {
      enabled: false,
    });
    const posts = await postsOf(db, announcement.messages);
    // Five periods elapsed: one post each, give or take the edges — never two in one period.
    expect(posts.length).toBeGreaterThanOrEqual(4);
    expect(posts.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < posts.length; i += 1) {
      expect(posts[i]!.created_at.getTime() - posts[i - 1]!.created_at.getTime()).toBeGreaterThanOrEqual(
        MINUTE_MS - 50,
      );
    }
  });

  it('claims a due period once even when both processes look at the same moment', async () => {
    // A period of 60 "minutes" (a minute) made due by moving its creation back.
    const announcement = await createAnnouncement(owner.client, owner.workspaceId, { intervalMinutes: 60 });
    await db.query(`update bot_announcements set created_at = now() - interval '61 seconds' where id = $1`, [
      announcement.id,
    ]);
    const jobs = [a, b].map((app) => app.podium.app.get(AnnouncementsJob));
    const posted = await Promise.all(Array.from({ length: 10 }, (_, i) => jobs[i % 2]!.tick()));
    await sleep(500); // and the scheduled ticks of both processes meanwhile
    expect(await postsOf(db, announcement.messages)).toHaveLength(1);
    expect(posted.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(1);
  });
});
