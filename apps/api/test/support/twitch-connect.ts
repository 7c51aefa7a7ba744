import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionDto, OAuthStartDto } from '@podium/contracts';
import type { FakeTwitch, FakeTwitchUser } from '@podium/fakes';
import type { HttpClient } from './http-client';
import type { TestApp } from './test-app';

export const BROADCASTER: FakeTwitchUser = { id: '73519108', login: 'lumenfall', displayName: 'Lumenfall' };
export const BOT: FakeTwitchUser = { id: '908134622', login: 'lumenbot', displayName: 'LumenBot' };
/** The raider of the channel.raid fixture. */
export const RAIDER: FakeTwitchUser = { id: '415926535', login: 'tidewrangler', displayName: 'TideWrangler' };

/** Twitch's settings for an app under test, pointing OAuth at the fake. */
export function twitchEnv(fake: FakeTwitch): Record<string, string> {
  return {
    TWITCH_CLIENT_ID: fake.clientId,
    TWITCH_CLIENT_SECRET: fake.clientSecret,
    TWITCH_AUTHORIZE_URL: `${fake.url}/auth/authorize`,
  };
}

export interface EventSubFixture {
  headers: Record<string, string>;
  body: { subscription: { type: string; version: string }; event: Record<string, unknown> };
}

export function twitchFixture(name: string): EventSubFixture {
  const file = join(__dirname, '../fixtures/twitch/eventsub', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as EventSubFixture;
}

/**
 * The browser's part of "Connect with Twitch": ask Podium for the authorize URL, follow it through
 * the fake (which approves at once and redirects to Podium's callback), and follow that to the
 * connections page. Returns where the browser ended up.
 */
export async function connectThroughOAuth(
  app: TestApp,
  client: HttpClient,
  workspaceId: string,
  role: 'broadcaster' | 'bot' = 'broadcaster',
): Promise<{ authorizeUrl: URL; landedOn: string }> {
  const start = await client.get<OAuthStartDto>(
    `/api/workspaces/${workspaceId}/connections/twitch/authorize?role=${role}`,
  );
  if (start.status !== 200) throw new Error(`authorize: ${start.status} ${JSON.stringify(start.body)}`);
  const authorizeUrl = new URL(start.body.authorizeUrl);
  const atTwitch = await fetch(authorizeUrl, { redirect: 'manual' });
  const callback = new URL(atTwitch.headers.get('location') ?? '');
  // The redirect_uri is on PUBLIC_URL (or the request's origin): the test reaches the app directly.
  const local = new URL(callback.pathname + callback.search, app.baseUrl);
  const back = await fetch(local, { redirect: 'manual' });
  if (back.status !== 302) throw new Error(`callback: ${back.status} ${await back.text()}`);
  return { authorizeUrl, landedOn: back.headers.get('location') ?? '' };
}

export async function twitchConnection(client: HttpClient, workspaceId: string): Promise<ConnectionDto> {
  const list = await client.get<ConnectionDto[]>(`/api/workspaces/${workspaceId}/connections`);
  const found = list.body.find((connection) => connection.platform === 'twitch');
  if (!found) throw new Error('no Twitch connection');
  return found;
}
