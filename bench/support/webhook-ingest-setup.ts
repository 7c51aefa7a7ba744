import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotCommandDto } from '@podium/contracts';
import { FakeTwitch } from '@podium/fakes';
import { newOwner } from '../../apps/api/test/support/factories';
import type { HttpClient } from '../../apps/api/test/support/http-client';
import type { TestApp } from '../../apps/api/test/support/test-app';
import { TestDatabase } from '../../apps/api/test/support/test-database';
import { TEST_REDIS_URL } from '../../apps/api/test/support/test-env';
import {
  BOT,
  BROADCASTER,
  connectThroughOAuth,
  twitchConnection,
  twitchEnv,
} from '../../apps/api/test/support/twitch-connect';
import type { IngestTarget } from './webhook-ingest-protocol';
import { type ApiProcess, startBuiltApi } from './webhook-ingest-server';

/** Twitch posts to this address; the fake routes it to the api on this machine. */
const PUBLIC_URL = 'https://podium.bench.test';
export const COMMAND_TEXT = '!hello';
/** The reply names the chatter, so each reply points back at the message that asked for it. */
export const REPLY_TEMPLATE = 'Hello {user}!';

export interface IngestBed {
  api: ApiProcess;
  db: TestDatabase;
  twitch: FakeTwitch;
  owner: { client: HttpClient; workspaceId: string };
  connectionId: string;
  target: IngestTarget;
  close(): Promise<void>;
}

/**
 * A fresh database, the fake Twitch, and the built api in PostgreSQL + Redis mode with a public
 * https address (so EventSub comes by webhook); an owner connects the channel (broadcaster and bot)
 * through OAuth and creates `!hello`. `nodeArgs` go to the api's node (`--cpu-prof`).
 */
export async function startIngestBed(nodeArgs: string[] = []): Promise<IngestBed> {
  const twitch = await FakeTwitch.start({ users: [BROADCASTER, BOT] });
  const db = await TestDatabase.create();
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-ingest-bench-'));
  let api: ApiProcess | undefined;
  const close = async () => {
    await api?.stop();
    await twitch.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    api = await startBuiltApi(
      {
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: `bench_${randomBytes(4).toString('hex')}`,
        DATA_DIR: dataDir,
        PUBLIC_URL,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        TWURPLE_MOCK_API_PORT: String(twitch.port),
        ...twitchEnv(twitch),
        ...(process.env['BENCH_DATABASE_POOL_SIZE']
          ? { DATABASE_POOL_SIZE: process.env['BENCH_DATABASE_POOL_SIZE'] }
          : {}),
      },
      nodeArgs,
    );
    const apiUrl = api.url;
    twitch.routeCallbacks(PUBLIC_URL, apiUrl);
    const signedUp = await newOwner(apiUrl);
    const owner = { client: signedUp.client, workspaceId: signedUp.workspaceId };
    // connectThroughOAuth reads nothing of the app but its address.
    const app = { baseUrl: apiUrl } as TestApp;
    twitch.signInAs(BROADCASTER.id);
    await connectThroughOAuth(app, owner.client, owner.workspaceId);
    twitch.signInAs(BOT.id);
    await connectThroughOAuth(app, owner.client, owner.workspaceId, 'bot');
    await twitch.settled();
    const connection = await twitchConnection(owner.client, owner.workspaceId);
    if (connection.status !== 'connected' || connection.transport !== 'webhook')
      throw new Error(`Twitch not connected by webhook: ${JSON.stringify(connection)}`);

    const created = await owner.client.post<BotCommandDto>(
      `/api/workspaces/${owner.workspaceId}/bots/commands`,
      {
        name: COMMAND_TEXT.slice(1),
        responses: [REPLY_TEMPLATE],
      },
    );
    if (created.status !== 201) throw new Error(`!hello: ${created.status} ${JSON.stringify(created.body)}`);

    const sub = twitch.subscriptions.find(
      (s) => s.type === 'channel.chat.message' && s.status === 'enabled' && s.transport.method === 'webhook',
    );
    if (!sub || sub.transport.method !== 'webhook')
      throw new Error('no enabled channel.chat.message webhook');
    const target: IngestTarget = {
      url: sub.transport.callback.replace(PUBLIC_URL, apiUrl),
      secret: sub.transport.secret,
      subscription: {
        id: sub.id,
        status: sub.status,
        type: sub.type,
        version: sub.version,
        condition: sub.condition,
        transport: { method: 'webhook', callback: sub.transport.callback },
        created_at: sub.createdAt,
        cost: 0,
      },
      broadcaster: BROADCASTER,
    };
    return { api, db, twitch, owner, connectionId: connection.id, target, close };
  } catch (error) {
    await close();
    throw error;
  }
}
