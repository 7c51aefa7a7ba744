import { randomBytes, randomUUID } from 'node:crypto';
import { PodiumApiError, PodiumClient } from '@podium/api-client';
import type { ApiScope, CreateRewardRequest, RewardDto } from '@podium/contracts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createDatabase } from './support/database';
import { freePort, type RunningServer, startServer } from './support/server';

const OWNER = {
  displayName: 'Ada Streamer',
  email: 'ada@example.org',
  password: 'a long enough passphrase',
  workspaceName: 'Ada live',
};
const GRANT = 300;
const BRB = { name: 'brb', price: 100, scene: 'Be right back' };

/** The workspace id from a dashboard address (`/w/<id>/…`). */
function workspaceIdOf(page: Page): string {
  const id = /^\/w\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`not a dashboard address: ${page.url()}`);
  return id;
}

/**
 * Admin → API tokens: creates a token with `scopes` and returns the secret the page shows once.
 * (The page is `apps/web/src/features/api-tokens`.)
 */
async function createTokenInAdmin(page: Page, name: string, scopes: readonly ApiScope[]): Promise<string> {
  await page.getByTestId('nav-api-tokens').click();
  const form = page.getByTestId('api-token-create');
  await form.waitFor();
  await form.getByTestId('api-token-name').fill(name);
  for (const scope of scopes) await form.getByTestId(`api-token-scope-${scope}`).check();
  await form.getByTestId('api-token-submit').click();
  // The secret is shown once, in the reveal box of the token just created.
  const secret = page.getByTestId('created-api-token').getByTestId('api-token-secret');
  await page.getByTestId('api-token-list').locator('li', { hasText: name }).waitFor();
  const token = (await secret.inputValue()).trim();
  expect(token).toMatch(/^pod_[A-Za-z0-9_-]{20,}$/);
  return token;
}

/** What a stand-in `window.obsstudio` (advanced permission) was asked to do, read from the page. */
async function obsCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __obsCalls: string[] }).__obsCalls);
}

describe('public API v1 through the typed client (built server, PostgreSQL, Chromium)', () => {
  let browser: Browser;
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    const port = await freePort();
    [browser, db] = await Promise.all([launchChromium(), createDatabase()]);
    server = await startServer({
      DATABASE_URL: db.url,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      PORT: String(port),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    await db?.drop();
  });

  it('a token made in the admin grants points once per Idempotency-Key, lists and fulfils the queue, and stays in its scopes and workspace; a redeem switches the OBS scene', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();

    // First visit: the owner sets Podium up and lands on the dashboard.
    await page.goto(server!.url);
    const setup = page.getByTestId('setup-form');
    await setup.waitFor();
    for (const [field, value] of Object.entries(OWNER)) await setup.locator(`[name="${field}"]`).fill(value);
    await setup.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    const workspaceId = workspaceIdOf(page);
    const admin = (path: string) => `${server!.url}/api/workspaces/${workspaceId}${path}`;

    // A reward that switches OBS to "Be right back" (the admin REST API, with the owner's session).
    const reward = await page.request.post(admin('/rewards'), {
      data: {
        name: BRB.name,
        type: 'list',
        price: BRB.price,
        obsAction: { action: 'switch_scene', scene: BRB.scene },
      } satisfies CreateRewardRequest,
    });
    expect(reward.status()).toBe(201);
    expect(((await reward.json()) as RewardDto).obsAction).toEqual({
      action: 'switch_scene',
      scene: BRB.scene,
    });

    // The `obs` overlay, opened as OBS would open it (a stand-in obsstudio with advanced permission).
    const overlayToken = await page.request.post(admin('/overlay-tokens'), {
      data: { label: 'OBS actions' },
    });
    expect(overlayToken.status()).toBe(201);
    const { token: overlaySecret } = (await overlayToken.json()) as { token: string };
    const obs = await browser.newPage({ viewport: { width: 400, height: 200 } });
    await obs.addInitScript(() => {
      const calls: string[] = [];
      (window as unknown as { __obsCalls: string[] }).__obsCalls = calls;
      (window as unknown as { obsstudio: object }).obsstudio = {
        pluginVersion: '2.24.0',
        getControlLevel: (callback: (level: number) => void) => callback(4),
        setCurrentScene: (name: string) => calls.push(`scene:${name}`),
        saveReplayBuffer: () => calls.push('replay'),
      };
    });
    await obs.goto(`${server!.url}/overlay/obs?token=${encodeURIComponent(overlaySecret)}`);
    await obs
      .locator('[data-testid="overlay-live"][data-kind="obs"][data-state="online"]')
      .waitFor({ state: 'attached' });
    await obs.locator('[data-testid="overlay-obs"][data-obs-state="ready"][data-obs-level="4"]').waitFor({
      state: 'attached',
    });
    // Ready with the right permission: nothing is drawn on stream.
    expect(await obs.getByTestId('overlay-status').count()).toBe(0);

    // Grace says hello in the rehearsal chat, so she is a viewer of the workspace.
    const say = async (text: string) => {
      const sent = await page.request.post(admin('/rehearsal/events'), {
        data: { kind: 'message', viewer: { displayName: 'Grace' }, text, eventId: randomUUID() },
      });
      expect(sent.status()).toBeLessThan(300);
    };
    await say('hello everyone');

    // Admin → API tokens: one token for the integration, one that may only read points.
    const token = await createTokenInAdmin(page, 'Stream Deck', [
      'points:read',
      'points:write',
      'queue:read',
      'queue:write',
    ]);
    const readOnlyToken = await createTokenInAdmin(page, 'Points reader', ['points:read']);
    const client = new PodiumClient({ baseUrl: server!.url, token, workspaceId });

    const me = await client.whoami();
    expect(me).toMatchObject({ workspaceId, name: 'Stream Deck' });
    expect([...me.scopes].sort()).toEqual(['points:read', 'points:write', 'queue:read', 'queue:write']);

    // The chat line is handled right after it is recorded; poll briefly for its viewer.
    let { balances } = await client.viewers.search({ q: 'Grace' });
    for (let tries = 0; balances.length === 0 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ({ balances } = await client.viewers.search({ q: 'Grace' }));
    }
    expect(balances).toHaveLength(1);
    const viewerId = balances[0]!.viewer.id;
    expect(balances[0]!.balance).toBe(0);

    // The same grant sent three times with one Idempotency-Key: one ledger entry, the same answer.
    const key = `grant-${randomUUID()}`;
    const answers = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      answers.push(
        await client.points.grant(
          viewerId,
          { amount: GRANT, reason: 'Welcome gift' },
          { idempotencyKey: key },
        ),
      );
    }
    expect(answers.map((answer) => answer.balance)).toEqual([GRANT, GRANT, GRANT]);
    expect((await client.viewers.get(viewerId)).balance).toBe(GRANT);
    const history = await client.viewers.history(viewerId);
    expect(history.entries.filter((entry) => entry.amount === GRANT)).toHaveLength(1);

    // Grace redeems "brb" from chat: it waits in the queue, and OBS switched to the scene.
    await say(`!${BRB.name}`);
    let pending = await client.queue.list({ status: 'pending' });
    for (let tries = 0; pending.redemptions.length === 0 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      pending = await client.queue.list({ status: 'pending' });
    }
    expect(pending.redemptions).toHaveLength(1);
    const redemption = pending.redemptions[0]!;
    expect(redemption).toMatchObject({
      reward: { name: BRB.name },
      viewer: { id: viewerId },
      spent: BRB.price,
    });
    await obs.locator('[data-testid="overlay-obs"][data-last-outcome="done"]').waitFor({ state: 'attached' });
    expect(await obsCalls(obs)).toEqual([`scene:${BRB.scene}`]);

    const fulfilled = await client.queue.fulfil(redemption.id, { idempotencyKey: `fulfil-${redemption.id}` });
    expect(fulfilled.status).toBe('fulfilled');
    expect((await client.queue.list({ status: 'pending' })).redemptions).toHaveLength(0);
    expect((await client.viewers.get(viewerId)).balance).toBe(GRANT - BRB.price);

    // A token without `points:write` gets 403 with the missing scope; reading is fine.
    const reader = new PodiumClient({ baseUrl: server!.url, token: readOnlyToken, workspaceId });
    expect((await reader.viewers.get(viewerId)).balance).toBe(GRANT - BRB.price);
    const refused = await reader.points
      .grant(viewerId, { amount: 1, reason: 'nope' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PodiumApiError);
    expect((refused as PodiumApiError).status).toBe(403);

    // Another workspace's id answers 404 (its existence is not leaked); no token at all is 401.
    const elsewhere = new PodiumClient({ baseUrl: server!.url, token, workspaceId: randomUUID() });
    const hidden = await elsewhere.viewers.get(viewerId).catch((error: unknown) => error);
    expect((hidden as PodiumApiError).status).toBe(404);
    const anonymous = await fetch(`${server!.url}${client.path('whoami')}`);
    expect(anonymous.status).toBe(401);

    await obs.close();
    await context.close();
  });
});
