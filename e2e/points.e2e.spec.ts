import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createDatabase } from './support/database';
import { freePort, type RunningServer, startServer } from './support/server';

const OWNER = {
  displayName: 'Rosa Organizer',
  email: 'rosa@example.org',
  password: 'a long enough passphrase',
  workspaceName: 'Rosa live',
};
const NOTE_REWARD = { name: 'shoutout', price: 100 };
const GOAL_REWARD = { name: 'cake', target: 300, minContribution: 10 };
const NOTE = 'Say hi to my cat Miso';
// Exact balances: watch cycles pay only while live by default, and the rehearsal stream is never started.
const GRACE_POINTS = 500;
const LINUS_POINTS = 200;
/** The panel polls the balance every 30 s (no viewer socket yet): a refund shows within one period. */
const PANEL_POLL_WAIT_MS = 45_000;

/** The workspace id from a dashboard address (`/w/<id>/…`). */
function workspaceIdOf(page: Page): string {
  const id = /^\/w\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`not a dashboard address: ${page.url()}`);
  return id;
}

/** Waits until the locator's text matches (re-resolved on every check: re-rendered nodes are fine). */
async function waitForText(locator: Locator, expected: RegExp, timeout?: number): Promise<void> {
  await locator.filter({ hasText: expected }).waitFor({ timeout });
}

/** A rehearsal viewer says `text`; resolves when the merged chat log shows the line. */
async function say(page: Page, viewer: string, text: string): Promise<void> {
  await page.getByTestId('rehearsal-viewer-name').fill(viewer);
  await page.getByTestId('rehearsal-text').fill(text);
  await page.getByTestId('rehearsal-send').click();
  await page
    .getByTestId('chat-panel')
    .getByTestId('chat-line')
    .filter({ hasText: viewer })
    .filter({ hasText: text })
    .waitFor();
}

/** Points → Viewers: a moderator gives `amount` to the viewer named `name`, and sees the new balance. */
async function givePoints(page: Page, name: string, amount: number): Promise<void> {
  await page.getByTestId('points-viewer-search').fill(name);
  const row = page.getByTestId('points-viewer-row').filter({ hasText: name });
  await row.waitFor();
  await row.getByTestId('points-adjust-open').click();
  const form = page.getByTestId('points-adjust-form');
  await form.waitFor();
  await form.getByTestId('points-adjust-direction').selectOption('give');
  await form.getByTestId('points-adjust-amount').fill(String(amount));
  await form.getByTestId('points-adjust-reason').fill('Welcome gift for the rehearsal');
  await form.getByTestId('points-adjust-save').click();
  await form.waitFor({ state: 'detached' });
  await waitForText(row.getByTestId('points-viewer-balance'), new RegExp(`^${amount}\\b`));
}

/** The viewer panel's balance as a number ("500 points" → 500). */
async function panelBalance(panel: Page): Promise<number> {
  const text = (await panel.getByTestId('panel-balance').textContent()) ?? '';
  return Number(/^\s*(\d+)/.exec(text)?.[1] ?? NaN);
}

describe('points economy: panel from !panel, note redeem refunded from the live queue, goal overlay (built server, PostgreSQL, Chromium)', () => {
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
      // `!panel` links need a public address; plain http keeps the panel cookie `SameSite=Lax`.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    await db?.drop();
  });

  it('a viewer redeems a note from the !panel link, the streamer refunds it live, and the goal overlay follows contributions', async () => {
    const streamer = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await streamer.newPage();

    // First visit: the owner sets Podium up and lands on the dashboard.
    await page.goto(server!.url);
    const setup = page.getByTestId('setup-form');
    await setup.waitFor();
    for (const [field, value] of Object.entries(OWNER)) await setup.locator(`[name="${field}"]`).fill(value);
    await setup.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    const workspaceId = workspaceIdOf(page);

    // Rewards → Rewards: a note reward (price 100) and a goal (target 300), from the admin forms.
    await page.getByTestId('nav-rewards').click();
    await page.getByTestId('rewards-tab-rewards').click();
    const createReward = async (name: string, type: 'note' | 'goal', price: number, target?: number) => {
      await page.getByTestId('new-reward').click();
      const form = page.getByTestId('reward-form');
      await form.waitFor();
      await form.getByTestId('reward-name-input').fill(name);
      await form.getByTestId('reward-type-select').selectOption(type);
      await form.getByTestId('reward-price-input').fill(String(price));
      if (target !== undefined) await form.getByTestId('reward-goal-target').fill(String(target));
      await form.getByTestId('reward-save').click();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId('reward-item').filter({ hasText: name }).waitFor();
    };
    await createReward(NOTE_REWARD.name, 'note', NOTE_REWARD.price);
    await createReward(GOAL_REWARD.name, 'goal', GOAL_REWARD.minContribution, GOAL_REWARD.target);

    // Overlays: a token, and the goal page's address as the admin shows it, opened as OBS would.
    await page.getByTestId('nav-overlays').click();
    const tokenForm = page.getByTestId('overlay-token-form');
    await tokenForm.locator('[name="label"]').fill('OBS goal');
    await tokenForm.locator('button[type="submit"]').click();
    const goalUrl = await page.getByTestId('overlay-url-goal').inputValue();
    expect(new URL(goalUrl).pathname).toBe('/overlay/goal');
    const overlay = await browser.newPage({ viewport: { width: 800, height: 200 } });
    await overlay.goto(goalUrl);
    await overlay
      .locator('[data-testid="overlay-live"][data-kind="goal"][data-state="online"]')
      .waitFor({ state: 'attached' });
    const goalBar = overlay.getByTestId('overlay-goal');
    await overlay.locator('[data-testid="overlay-goal"][data-progress="0"]').waitFor();
    await waitForText(goalBar, new RegExp(`${GOAL_REWARD.name}\\s*0 / ${GOAL_REWARD.target}`));

    // Rehearsal: Grace asks for her panel link; Linus says hello (so both are viewers of the workspace).
    await page.getByTestId('nav-rehearsal').click();
    await page.getByTestId('rehearsal-panel').waitFor();
    await say(page, 'Linus', 'hello everyone');
    await say(page, 'Grace', '!panel');
    const reply = page
      .getByTestId('chat-panel')
      .locator('[data-testid="outbox-item"][data-status="sent"]')
      .filter({ hasText: '@Grace your panel:' });
    await reply.waitFor();
    const link = /(https?:\/\/\S+\/p\/[A-Za-z0-9._~-]+)/.exec((await reply.textContent()) ?? '')?.[1];
    expect(link).toBeDefined();
    expect(new URL(link!).origin).toBe(new URL(server!.url).origin);

    // Points → Viewers: the moderator gives both of them points by hand.
    await page.getByTestId('nav-points').click();
    await page.getByTestId('points-tab-viewers').click();
    await givePoints(page, 'Grace', GRACE_POINTS);
    await givePoints(page, 'Linus', LINUS_POINTS);
    await page.getByTestId('points-viewer-search').fill('');
    const graceRow = page.getByTestId('points-viewer-row').filter({ hasText: 'Grace' });
    await waitForText(graceRow.getByTestId('points-viewer-balance'), new RegExp(`^${GRACE_POINTS}\\b`));

    // The viewer opens the link in her own browser: the panel signs her in and shows her balance.
    const viewerContext = await browser.newContext({ viewport: { width: 420, height: 900 } });
    const panel = await viewerContext.newPage();
    await panel.goto(link!);
    await panel.waitForURL((url) => url.pathname === `/panel/${workspaceId}`);
    await waitForText(panel.getByTestId('panel-balance'), new RegExp(`^${GRACE_POINTS}\\b`));

    // She redeems the note reward with a message: queued, the balance drops by its price.
    const noteCard = panel.getByRole('form', { name: NOTE_REWARD.name });
    await noteCard.locator('textarea').fill(NOTE);
    await noteCard.locator('button[type="submit"]').click();
    await waitForText(noteCard, /is in the queue \(100 spent\)/);
    await waitForText(
      panel.getByTestId('panel-balance'),
      new RegExp(`^${GRACE_POINTS - NOTE_REWARD.price}\\b`),
    );
    // The streamer's Points page, left open, follows her balance (pushed; no reload, no click).
    await waitForText(
      graceRow.getByTestId('points-viewer-balance'),
      new RegExp(`^${GRACE_POINTS - NOTE_REWARD.price}\\b`),
    );

    // The streamer's live queue shows it with the note; they refund it.
    await page.getByTestId('nav-rewards').click();
    await page.getByTestId('rewards-tab-queue').click();
    const item = page
      .locator('[data-testid="queue-item"][data-status="pending"]')
      .filter({ hasText: `!${NOTE_REWARD.name}` })
      .filter({ hasText: 'Grace' })
      .filter({ hasText: NOTE });
    await item.waitFor();
    await item.getByTestId('queue-refund').click();
    await page
      .locator('[data-testid="queue-item"][data-status="refunded"]')
      .filter({ hasText: NOTE })
      .waitFor();

    // The viewer's panel shows the balance restored (its 30 s refresh; no reload, no click).
    await waitForText(
      panel.getByTestId('panel-balance'),
      new RegExp(`^${GRACE_POINTS}\\b`),
      PANEL_POLL_WAIT_MS,
    );
    await expect(panelBalance(panel)).resolves.toBe(GRACE_POINTS);

    // Goal: Grace gives 100 from the panel → the overlay moves 0 → 100.
    const goalCard = panel.getByRole('form', { name: GOAL_REWARD.name });
    await goalCard.locator('input[inputmode="numeric"]').fill('100');
    await goalCard.locator('button[type="submit"]').click();
    await overlay.locator('[data-testid="overlay-goal"][data-progress="100"]').waitFor();
    await waitForText(goalBar, new RegExp(`100 / ${GOAL_REWARD.target}`));
    await expect(goalBar.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    await waitForText(panel.getByTestId('panel-balance'), new RegExp(`^${GRACE_POINTS - 100}\\b`));

    // Linus gives 100 from the chat (`!cake 100` in rehearsal) → 200.
    await page.getByTestId('nav-rehearsal').click();
    await page.getByTestId('rehearsal-panel').waitFor();
    await say(page, 'Linus', `!${GOAL_REWARD.name} 100`);
    await overlay.locator('[data-testid="overlay-goal"][data-progress="200"]').waitFor();
    await waitForText(goalBar, new RegExp(`200 / ${GOAL_REWARD.target}`));
    await expect(goalBar.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('200');

    // The ledger agrees with what the pages showed: the refund returned exactly the price.
    const balances = await db.query(
      `select v.display_name, b.balance::int as balance from points_balances b
       join viewers v on v.id = b.viewer_id order by v.display_name`,
    );
    expect(balances).toEqual([
      { display_name: 'Grace', balance: GRACE_POINTS - 100 },
      { display_name: 'Linus', balance: LINUS_POINTS - 100 },
    ]);
    const graceLedger = await db.query(
      `select l.reason, l.amount::int as amount from points_ledger l join viewers v on v.id = l.viewer_id
       where v.display_name = 'Grace' order by l.seq`,
    );
    expect(graceLedger).toEqual([
      { reason: 'adjust', amount: GRACE_POINTS },
      { reason: 'redeem', amount: -NOTE_REWARD.price },
      { reason: 'refund', amount: NOTE_REWARD.price },
      { reason: 'goal', amount: -100 },
    ]);

    await viewerContext.close();
    await streamer.close();
  }, 240_000);
});
