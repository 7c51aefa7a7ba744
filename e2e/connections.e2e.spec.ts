import { randomBytes } from 'node:crypto';
import { FakeOwncast, FakeTwitch, type FakeTwitchUser, FakeYoutube } from '@podium/fakes';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createDatabase } from './support/database';
import { type RunningServer, startServer } from './support/server';
import { openSealed, readableSecrets } from './support/stored-secrets';

const OWNER = {
  displayName: 'Ada Organizer',
  email: 'ada@example.org',
  password: 'a long enough passphrase',
  workspaceName: 'Ada live',
};
const BROADCASTER: FakeTwitchUser = { id: '73519108', login: 'lumenfall', displayName: 'Lumenfall' };
const BOT: FakeTwitchUser = { id: '908134622', login: 'lumenbot', displayName: 'LumenBot' };
const GOOGLE_CLIENT = {
  clientId: 'podium-e2e.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-e2e-secret',
};
const YOUTUBE_CHANNEL = { id: 'UClumenfallFixtureChanA1', title: 'Lumenfall Streams' };
const OWNCAST_TOKEN = 'Xq9_e2e-owncast-access-token-5uQ2n0sV8kYtRz3wLbM1=';
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

/** The connection articles of one platform's card. */
const connectionsOn = (page: Page, platform: string): Locator =>
  page.getByTestId(`platform-${platform}`).getByTestId('connection');

/** Clicks an OAuth connect button and waits until the browser went through `authorizeUrl` and back. */
async function connectThroughBrowser(
  page: Page,
  buttonTestId: string,
  authorizeUrl: string,
  platform: string,
): Promise<void> {
  const atPlatform = page.waitForRequest((request) => request.url().startsWith(authorizeUrl));
  const backHome = page.waitForRequest(
    (request) =>
      request.isNavigationRequest() && new URL(request.url()).searchParams.get('connected') === platform,
  );
  await page.getByTestId(buttonTestId).click();
  await atPlatform;
  await backHome;
  await page.locator(`[data-testid="oauth-result"][data-kind="connected"]`).waitFor();
}

describe('connecting Twitch, YouTube and Owncast from the admin (built server, PostgreSQL, Chromium)', () => {
  let browser: Browser;
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let server: RunningServer | undefined;
  let twitch: FakeTwitch;
  let youtube: FakeYoutube;
  let owncast: FakeOwncast;

  beforeAll(async () => {
    [browser, db, twitch, youtube, owncast] = await Promise.all([
      launchChromium(),
      createDatabase(),
      FakeTwitch.start({ users: [BROADCASTER, BOT] }),
      FakeYoutube.start({ ...GOOGLE_CLIENT, channel: YOUTUBE_CHANNEL }),
      FakeOwncast.start({ accessToken: OWNCAST_TOKEN }),
    ]);
    // No PUBLIC_URL: OAuth comes back to the address the browser uses, Twitch events over the WebSocket.
    server = await startServer({
      DATABASE_URL: db.url,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY,
      TWURPLE_MOCK_API_PORT: String(twitch.port),
      TWITCH_CLIENT_ID: twitch.clientId,
      TWITCH_CLIENT_SECRET: twitch.clientSecret,
      TWITCH_AUTHORIZE_URL: `${twitch.url}/auth/authorize`,
      TWITCH_EVENTSUB_WS_URL: twitch.webSocketUrl,
      GOOGLE_CLIENT_ID: GOOGLE_CLIENT.clientId,
      GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT.clientSecret,
      YOUTUBE_BROADCAST_CHECK_MS: '1000',
      ...youtube.env(),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    await Promise.all([twitch?.close(), youtube?.close(), owncast?.close()]);
    await db?.drop();
  });

  it('connects each platform through the browser, keeps every token sealed, and disconnects', async () => {
    const page = await browser.newPage();

    // First visit: owner setup, then the workspace's Connections page from the sidebar.
    await page.goto(server!.url);
    const setup = page.getByTestId('setup-form');
    await setup.waitFor();
    for (const [field, value] of Object.entries(OWNER)) {
      await setup.locator(`input[name="${field}"]`).fill(value);
    }
    await setup.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    const workspaceId = /^\/w\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname)?.[1];
    expect(workspaceId).toBeDefined();
    await page.getByTestId('nav-connections').click();
    await page.getByTestId('connections-panel').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workspaceId}/connections`);
    await page.locator('[data-testid="platform-twitch"][data-connected="false"]').waitFor();

    // Twitch: the broadcaster approves on the fake's authorize page; the card shows the channel.
    twitch.signInAs(BROADCASTER.id);
    await connectThroughBrowser(page, 'connect-twitch', `${twitch.url}/auth/authorize`, 'twitch');
    const twitchCard = connectionsOn(page, 'twitch').filter({ hasText: BROADCASTER.displayName });
    await twitchCard.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();

    // Then the bot account, the same way, onto the same connection.
    twitch.signInAs(BOT.id);
    await connectThroughBrowser(page, 'connect-twitch-bot', `${twitch.url}/auth/authorize`, 'twitch');
    await connectionsOn(page, 'twitch').filter({ hasText: BOT.displayName }).waitFor();
    await expect(connectionsOn(page, 'twitch').count()).resolves.toBe(1);

    // YouTube through the fake Google consent screen.
    await connectThroughBrowser(page, 'connect-youtube', `${youtube.url}/authorize`, 'youtube');
    const youtubeCard = connectionsOn(page, 'youtube').filter({ hasText: YOUTUBE_CHANNEL.title });
    await youtubeCard.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();

    // Owncast: a wrong token is refused on the form and stores nothing; the right one connects.
    const form = page.getByTestId('owncast-form');
    await form.locator('input[name="instanceUrl"]').fill(owncast.url);
    await form.locator('input[name="accessToken"]').fill('not-the-owncast-token');
    await form.getByTestId('owncast-submit').click();
    await form.locator('input[name="instanceUrl"][aria-invalid="true"]').waitFor();
    await expect(form.locator('.field__error').textContent()).resolves.toContain(
      'Owncast refused the access token',
    );
    await expect(db.query(`select id from platform_connections where platform = 'owncast'`)).resolves.toEqual(
      [],
    );
    await form.locator('input[name="accessToken"]').fill(OWNCAST_TOKEN);
    await form.getByTestId('owncast-submit').click();
    const owncastCard = connectionsOn(page, 'owncast');
    await owncastCard.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    await owncastCard.getByTestId('webhook-url').waitFor();

    // Every token the fakes issued, and the Owncast token: sealed in the row, readable nowhere.
    const tokens = {
      broadcaster: twitch.issuedTokensOf(BROADCASTER.id),
      bot: twitch.issuedTokensOf(BOT.id),
      youtube: youtube.requests
        .filter((request) => request.path === '/token' && request.status === 200)
        .flatMap((request) => {
          const body = JSON.parse(request.responseBody) as { access_token: string; refresh_token?: string };
          return [body.access_token, ...(body.refresh_token ? [body.refresh_token] : [])];
        }),
      owncast: [OWNCAST_TOKEN],
    };
    expect(tokens.broadcaster).toHaveLength(2);
    expect(tokens.bot).toHaveLength(2);
    expect(tokens.youtube).toHaveLength(2);
    const allTokens = Object.values(tokens).flat();

    const rows = (await db.query(
      `select platform, credentials, bot_credentials from platform_connections
        where workspace_id = '${workspaceId}' and platform <> 'inroom' order by platform`,
    )) as { platform: string; credentials: string | null; bot_credentials: string | null }[];
    expect(rows.map((row) => row.platform)).toEqual(['owncast', 'twitch', 'youtube']);
    const sealed = (platform: string, column: 'credentials' | 'bot_credentials'): string => {
      const value = rows.find((row) => row.platform === platform)?.[column];
      expect(value).toEqual(expect.stringMatching(/\S/));
      expect(readableSecrets(value!, allTokens)).toEqual([]);
      return openSealed(value!, ENCRYPTION_KEY);
    };
    // With the install's key each column opens to the very tokens the platform issued.
    expect(tokens.broadcaster.filter((t) => sealed('twitch', 'credentials').includes(t))).not.toEqual([]);
    expect(tokens.bot.filter((t) => sealed('twitch', 'bot_credentials').includes(t))).not.toEqual([]);
    expect(tokens.youtube.filter((t) => sealed('youtube', 'credentials').includes(t))).not.toEqual([]);
    expect(sealed('owncast', 'credentials')).toContain(OWNCAST_TOKEN);

    // Nor anywhere else in the database (state, jobs, logs…).
    const tables = await db.query(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    for (const { table_name: table } of tables) {
      const dump = (await db.query(`select t::text as row from "${String(table)}" t`))
        .map((row) => String(row['row']))
        .join('\n');
      expect({ table, readable: readableSecrets(dump, allTokens) }).toEqual({ table, readable: [] });
    }

    // Disconnect YouTube: confirm, the card empties, the row is gone and Google got the revoke.
    await page.getByTestId('platform-youtube').getByTestId('disconnect').click();
    const dialog = page.getByTestId('disconnect-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('confirm-action').click();
    await page.locator('[data-testid="platform-youtube"][data-connected="false"]').waitFor();
    await page.getByTestId('platform-youtube').getByTestId('not-connected').waitFor();
    await expect(db.query(`select id from platform_connections where platform = 'youtube'`)).resolves.toEqual(
      [],
    );
    expect(youtube.oauth.revokedGrants).toBe(1);
    await expect(connectionsOn(page, 'twitch').count()).resolves.toBe(1);
  });
});
