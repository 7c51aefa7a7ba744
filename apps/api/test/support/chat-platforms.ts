import { FakeOwncast, FakeTwitch, type FakeTwitchUser, type FakeYoutube } from '@podium/fakes';
import { type TestSuite, useTestSuite } from './test-suite';
import { BOT, BROADCASTER, twitchEnv } from './twitch-connect';
import { startFakeYoutube, youtubeEnv } from './youtube-test-bed';

/** Where the fake platforms send their callbacks; the tests route it to the app. */
export const PUBLIC_URL = 'https://podium.example.test';
export const OWNCAST_TOKEN = 'Xq9_fixture-owncast-access-token-5uQ2n0sV8kYtRz3wLbM1=';

export interface ChatPlatformsOptions {
  /** The accounts the fake Twitch knows; the channel's broadcaster and bot unless said. */
  twitchUsers?: FakeTwitchUser[];
  /** How Twitch events reach the app: the fake's EventSub WebSocket (default), or webhooks to PUBLIC_URL. */
  twitchEvents?: 'websocket' | 'webhook';
  /** Also start a fake Owncast (its access token is OWNCAST_TOKEN). */
  owncast?: boolean;
}

/** The fake platforms of one `describe`, set in its first `beforeAll`: read them inside tests. */
export interface ChatPlatforms {
  twitch: FakeTwitch;
  youtube: FakeYoutube;
  /** Only with `owncast: true`. */
  owncast: FakeOwncast;
}

/**
 * Fake Twitch and YouTube (polled every 300 ms), and Owncast if asked, for the enclosing
 * `describe`: started before its app (with Redis) boots pointed at them, closed after it.
 */
export function useChatPlatforms(options: ChatPlatformsOptions = {}): {
  suite: TestSuite;
  platforms: ChatPlatforms;
} {
  const platforms = {} as Partial<ChatPlatforms>;
  beforeAll(async () => {
    platforms.twitch = await FakeTwitch.start({ users: options.twitchUsers ?? [BROADCASTER, BOT] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(platforms.twitch.port);
    platforms.youtube = await startFakeYoutube(300);
    if (options.owncast) platforms.owncast = await FakeOwncast.start({ accessToken: OWNCAST_TOKEN });
  });
  const suite = useTestSuite({
    redis: true,
    env: () => {
      const { twitch, youtube } = platforms as ChatPlatforms;
      return options.twitchEvents === 'webhook'
        ? { PUBLIC_URL, ...twitchEnv(twitch), ...youtubeEnv(youtube) }
        : { ...twitchEnv(twitch), TWITCH_EVENTSUB_WS_URL: twitch.webSocketUrl, ...youtubeEnv(youtube) };
    },
  });
  // Declared after the suite's own hooks, so the app is closed before the fakes it talks to.
  afterAll(async () => {
    await Promise.all([platforms.twitch?.close(), platforms.youtube?.close(), platforms.owncast?.close()]);
    delete process.env['TWURPLE_MOCK_API_PORT'];
  });
  return { suite, platforms: platforms as ChatPlatforms };
}
