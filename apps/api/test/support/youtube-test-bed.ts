import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatEvent, ChatLogDto, ConnectionDto, OAuthStartDto } from '@podium/contracts';
import { FakeYoutube } from '@podium/fakes';
import { newOwner } from './factories';
import { HttpClient } from './http-client';
import type { Owner } from './live-harness';
import { clearRedisPrefix, newRedisPrefix, startTestApp, type TestApp } from './test-app';
import { TestDatabase } from './test-database';

export const GOOGLE_CLIENT = {
  clientId: 'podium-test.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-fake-secret',
};
export const YOUTUBE_CHANNEL = { id: 'UClumenfallFixtureChanA1', title: 'Lumenfall' };

export interface YoutubeTestBedOptions {
  /** BullMQ on the machine's Redis (a fresh prefix) instead of in-process timers. */
  redis?: boolean;
  env?: Record<string, string>;
  /** What the fake's pages say about when to poll next. */
  pollingIntervalMillis?: number;
}

/**
 * A fake Google/YouTube, a throwaway PostgreSQL database and the real api pointed at the fake,
 * with a signed-up owner. `restart` replaces the api with a new one on the same database, Redis
 * prefix and data folder (same secrets, so sealed tokens still open).
 */
export class YoutubeTestBed {
  app!: TestApp;
  owner!: Owner;

  private constructor(
    readonly fake: FakeYoutube,
    readonly db: TestDatabase,
    private readonly dataDir: string,
    private readonly redisPrefix: string | undefined,
    private readonly env: Record<string, string>,
  ) {}

  static async start(options: YoutubeTestBedOptions = {}): Promise<YoutubeTestBed> {
    const fake = await startFakeYoutube(options.pollingIntervalMillis);
    const env = { ...youtubeEnv(fake), ...options.env };
    const bed = new YoutubeTestBed(
      fake,
      await TestDatabase.create(),
      mkdtempSync(join(tmpdir(), 'podium-yt-')),
      options.redis ? newRedisPrefix() : undefined,
      env,
    );
    await bed.boot();
    bed.owner = await newOwner(bed.app.baseUrl);
    return bed;
  }

  get workspaceUrl(): string {
    return `/api/workspaces/${this.owner.workspaceId}`;
  }

  async restart(): Promise<void> {
    await this.app.close();
    await this.boot();
  }

  async stopApp(): Promise<void> {
    await this.app.close();
  }

  async boot(): Promise<void> {
    this.app = await startTestApp({
      databaseUrl: this.db.url,
      redisPrefix: this.redisPrefix,
      dataDir: this.dataDir,
      env: this.env,
    });
    // A new api listens on a new port; the owner's session lives in the database and still holds.
    const owner = this.owner as Owner | undefined;
    if (owner) {
      const client = new HttpClient(this.app.baseUrl);
      client.cookie = owner.client.cookie;
      this.owner = { ...owner, client };
    }
  }

  async close(): Promise<void> {
    await this.app?.close().catch(() => undefined);
    await this.fake.close();
    await this.db.drop();
    if (this.redisPrefix) await clearRedisPrefix(this.redisPrefix);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async connect(): Promise<{ connection: ConnectionDto; location: string }> {
    return connectYoutube(this.owner);
  }

  async connections(): Promise<ConnectionDto[]> {
    const result = await this.owner.client.get<ConnectionDto[]>(`${this.workspaceUrl}/connections`);
    if (result.status !== 200) throw new Error(`connections failed: ${result.status}`);
    return result.body;
  }

  async connection(id: string): Promise<ConnectionDto> {
    const result = await this.owner.client.get<ConnectionDto>(`${this.workspaceUrl}/connections/${id}`);
    if (result.status !== 200) throw new Error(`connection failed: ${result.status}`);
    return result.body;
  }

  /** The merged chat log's YouTube events, oldest first. */
  async events(): Promise<ChatEvent[]> {
    const log = await this.owner.client.get<ChatLogDto>(
      `${this.workspaceUrl}/chat/events?platform=youtube&limit=200`,
    );
    if (log.status !== 200) throw new Error(`chat log failed: ${log.status}`);
    return log.body.events;
  }

  /** The connection's stored state (page token, step, quota…), straight from the row. */
  async state(connectionId: string): Promise<Record<string, unknown> & { nextPageToken?: string | null }> {
    const [row] = await this.db.query<{ state: Record<string, unknown> }>(
      'select state from platform_connections where id = $1',
      [connectionId],
    );
    return row?.state ?? {};
  }
}

/** The fake Google/YouTube of the test channel; its pages ask to be polled every `pollingIntervalMillis`. */
export async function startFakeYoutube(pollingIntervalMillis = 400): Promise<FakeYoutube> {
  const fake = await FakeYoutube.start({ ...GOOGLE_CLIENT, channel: YOUTUBE_CHANNEL });
  fake.chats.pollingIntervalMillis = pollingIntervalMillis;
  return fake;
}

/** The api's settings for YouTube against the fake: a plentiful quota, a broadcast check a second. */
export function youtubeEnv(fake: FakeYoutube): Record<string, string> {
  return {
    GOOGLE_CLIENT_ID: GOOGLE_CLIENT.clientId,
    GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT.clientSecret,
    YOUTUBE_DAILY_QUOTA: '1000000',
    YOUTUBE_BROADCAST_CHECK_MS: '1000',
    ...fake.env(),
  };
}

/** "Connect with YouTube" as the browser does it: authorize, Google's consent, the callback. */
export async function connectYoutube(owner: Owner): Promise<{ connection: ConnectionDto; location: string }> {
  const workspaceUrl = `/api/workspaces/${owner.workspaceId}`;
  const start = await owner.client.get<OAuthStartDto>(`${workspaceUrl}/connections/youtube/authorize`);
  if (start.status !== 200)
    throw new Error(`authorize failed: ${start.status} ${JSON.stringify(start.body)}`);
  const consent = await fetch(start.body.authorizeUrl, { redirect: 'manual' });
  const callback = consent.headers.get('location');
  if (consent.status !== 302 || !callback) throw new Error(`consent did not redirect: ${consent.status}`);
  const done = await fetch(callback, { redirect: 'manual', headers: { cookie: owner.client.cookie ?? '' } });
  const location = done.headers.get('location') ?? '';
  if (done.status !== 302) throw new Error(`callback failed: ${done.status} ${await done.text()}`);
  const list = await owner.client.get<ConnectionDto[]>(`${workspaceUrl}/connections`);
  const connection = list.body.find((candidate) => candidate.platform === 'youtube');
  if (!connection) throw new Error(`no YouTube connection after the callback (went to ${location})`);
  return { connection, location };
}
