import { FakeTwitch } from '@podium/fakes';
import { botChatHelpers, MOD, PIXEL, PUBLIC_URL, TIDE } from './support/bot-chat';
import { until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';
import { BROADCASTER, connectThroughOAuth, twitchEnv } from './support/twitch-connect';

/** The built-in moderator commands (!title, !game, !so) on a Twitch channel connected through webhooks. */
describe('Command bots and auto-responses (PostgreSQL + Redis)', () => {
  let twitch: FakeTwitch;
  beforeAll(async () => {
    twitch = await FakeTwitch.start({ users: [BROADCASTER, PIXEL, MOD, TIDE] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(twitch.port);
  });
  const suite = useTestSuite({ redis: true, env: () => ({ PUBLIC_URL, ...twitchEnv(twitch) }) });
  beforeAll(async () => {
    twitch.routeCallbacks(PUBLIC_URL, () => suite.app.baseUrl);
    twitch.signInAs(BROADCASTER.id);
    await connectThroughOAuth(suite.app, suite.owner.client, suite.owner.workspaceId);
  });
  afterAll(async () => {
    await twitch?.close();
    delete process.env['TWURPLE_MOCK_API_PORT'];
  });
  const { said, twitchSays, answered } = botChatHelpers(suite, () => twitch);

  it('lets a Twitch moderator set the title and category and give a shoutout; refuses the rest silently', async () => {
    await twitchSays(PIXEL, '!title Not yours to set');
    await twitchSays(MOD, '!title Lighthouse builds, night 13');
    await answered('twitch', 'Title set to: Lighthouse builds, night 13');
    expect(twitch.channel(BROADCASTER.id)?.title).toBe('Lighthouse builds, night 13');
    expect(twitch.channel(BROADCASTER.id)?.updates).toEqual([{ title: 'Lighthouse builds, night 13' }]);

    await twitchSays(MOD, '!game minecraft');
    await answered('twitch', 'Category set to: Minecraft');
    expect(twitch.channel(BROADCASTER.id)).toMatchObject({ gameId: '27471', gameName: 'Minecraft' });
    await twitchSays(MOD, '!game fall g');
    await answered('twitch', 'Category set to: Fall Guys');
    await twitchSays(MOD, '!game no such thing');
    await answered('twitch', 'No Twitch category matches "no such thing".');
    expect(twitch.channel(BROADCASTER.id)?.gameName).toBe('Fall Guys');

    await twitchSays(MOD, '!so @TideWrangler');
    await answered(
      'twitch',
      'Check out TideWrangler at https://twitch.tv/tidewrangler! Go give them some love.',
    );
    await until('the Helix shoutout', () => twitch.shoutouts.length === 1);
    expect(twitch.shoutouts[0]).toMatchObject({
      fromBroadcasterId: BROADCASTER.id,
      toBroadcasterId: TIDE.id,
    });

    twitch.failNextShoutout(
      429,
      'The broadcaster may not give the same broadcaster a Shoutout within 60 minutes.',
    );
    await twitchSays(MOD, '!so pixelmoth');
    await until('the refused shoutout reported', async () =>
      (await said('twitch')).some((t) => t.startsWith('Twitch refused the shoutout: Twitch answered 429')),
    );
    expect(twitch.shoutouts).toHaveLength(1);
  });
});
