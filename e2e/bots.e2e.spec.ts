import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createDatabase } from './support/database';
import { type RunningServer, startServer } from './support/server';

const OWNER = {
  displayName: 'Rosa Organizer',
  email: 'rosa@example.org',
  password: 'a long enough passphrase',
  workspaceName: 'Rosa live',
};
/** A valid 1×1 GIF: the sniffing upload accepts it and the browser decodes it. */
const ANIMATION = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const REVOLUTION_MESSAGE = 'The crowd rose up: {count} comrades!';
const THRESHOLD = 3;

/** Fills a form field found by its `name` inside `scope`. */
const fill = (scope: Locator, name: string, value: string) => scope.locator(`[name="${name}"]`).fill(value);

/** The workspace id from a dashboard address (`/w/<id>/…`). */
function workspaceIdOf(page: Page): string {
  const id = /^\/w\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`not a dashboard address: ${page.url()}`);
  return id;
}

describe('bots from the admin, tried in rehearsal mode (built server, PostgreSQL, Chromium)', () => {
  let browser: Browser;
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    [browser, db] = await Promise.all([launchChromium(), createDatabase()]);
    server = await startServer({
      DATABASE_URL: db.url,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    await db?.drop();
  });

  it('creates a command and a revolution bot, then sees the reply in the chat log and the animation on the alerts overlay', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });

    // First visit: the owner sets Podium up and lands on the dashboard.
    await page.goto(server!.url);
    const setup = page.getByTestId('setup-form');
    await setup.waitFor();
    for (const [field, value] of Object.entries(OWNER)) await fill(setup, field, value);
    await setup.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard').waitFor();
    const workspaceId = workspaceIdOf(page);

    // Bots → Commands: `!hello` answers "Hello {user}!".
    await page.getByTestId('nav-bots').click();
    await page.getByTestId('bots-tab-commands').click();
    await page.getByTestId('bots-panel-commands').waitFor();
    await page.getByTestId('new-command').click();
    const commandForm = page.getByTestId('command-form');
    await commandForm.waitFor();
    await commandForm.getByTestId('command-name-input').fill('!hello');
    await commandForm.getByTestId('command-responses-input').fill('Hello {user}!');
    await commandForm.getByTestId('save-command').click();
    await commandForm.waitFor({ state: 'detached' });
    await page.getByTestId('command-item').filter({ hasText: '!hello' }).waitFor();

    // Bots → Media: upload the animation; its preview's address names the stored file.
    await page.getByTestId('bots-tab-media').click();
    const upload = page.getByTestId('media-upload-form');
    await upload.waitFor();
    await page.getByTestId('media-upload-input').setInputFiles({
      name: 'revolution.gif',
      mimeType: 'image/gif',
      buffer: ANIMATION,
    });
    await upload.locator('button[type="submit"]').click();
    const mediaItem = page.getByTestId('media-item').filter({ hasText: 'revolution.gif' });
    await mediaItem.waitFor();
    const mediaSrc = await mediaItem.locator('img').getAttribute('src');
    const mediaId = /^\/api\/media\/([^/?#]+)$/.exec(mediaSrc ?? '')?.[1];
    expect(mediaId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));

    // Bots → Revolutions: `!revolution` from 3 distinct viewers fires the animation and a message.
    await page.getByTestId('bots-tab-revolutions').click();
    await page.getByTestId('revolution-new').click();
    const revolutionForm = page.getByTestId('revolution-form');
    await revolutionForm.waitFor();
    await fill(revolutionForm, 'name', 'Revolution');
    await fill(revolutionForm, 'trigger', '!revolution');
    await fill(revolutionForm, 'threshold', String(THRESHOLD));
    await fill(revolutionForm, 'windowSeconds', '120');
    // Long enough to be seen on a slow machine, within the contract's 60 s.
    await fill(revolutionForm, 'alertDurationMs', '45');
    await fill(revolutionForm, 'message', REVOLUTION_MESSAGE);
    await revolutionForm.locator('select[name="visual"]').selectOption(mediaId!);
    await revolutionForm.getByTestId('revolution-submit').click();
    await revolutionForm.waitFor({ state: 'detached' });
    await page.getByTestId('revolution-row').filter({ hasText: '!revolution' }).waitFor();

    // Overlays: a token, and the alerts page's address as the admin shows it, opened as OBS would.
    await page.getByTestId('nav-overlays').click();
    const tokenForm = page.getByTestId('overlay-token-form');
    await fill(tokenForm, 'label', 'OBS alerts');
    await tokenForm.locator('button[type="submit"]').click();
    const alertsUrl = await page.getByTestId('overlay-url-alerts').inputValue();
    expect(new URL(alertsUrl).pathname).toBe('/overlay/alerts');
    const overlay = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await overlay.goto(alertsUrl);
    // Online, the page shows nothing but its alerts (no status pill): the frame says it is connected.
    await overlay
      .locator('[data-testid="overlay-live"][data-kind="alerts"][data-state="online"]')
      .waitFor({ state: 'attached' });
    await expect(overlay.getByTestId('overlay-alert').count()).resolves.toBe(0);

    // Rehearsal: a fake viewer says `!hello`; the merged chat log shows the line and the bot's answer.
    // Routes load on first visit: the address changes once the page's code has arrived.
    await page.getByTestId('nav-rehearsal').click();
    await page.getByTestId('rehearsal-panel').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workspaceId}/rehearsal`);
    await page.getByTestId('rehearsal-viewer-name').fill('Grace');
    await page.getByTestId('rehearsal-text').fill('!hello');
    await page.getByTestId('rehearsal-send').click();
    const chat = page.getByTestId('chat-panel');
    await chat.getByTestId('chat-line').filter({ hasText: 'Grace' }).filter({ hasText: '!hello' }).waitFor();
    await chat
      .locator('[data-testid="outbox-item"][data-status="sent"]')
      .filter({ hasText: 'Hello Grace!' })
      .waitFor();
    // …and the reply comes back into the merged log as the bot's own line, as on a real platform.
    await chat
      .getByTestId('chat-line')
      .filter({ hasText: 'Podium' })
      .filter({ hasText: 'Hello Grace!' })
      .waitFor();

    // A burst of `!revolution` from 3 distinct viewers: the alerts overlay plays the animation.
    await page.getByTestId('rehearsal-burst-text').fill('!revolution');
    await page.getByTestId('rehearsal-burst-viewers').fill(String(THRESHOLD));
    await page.getByTestId('rehearsal-burst-spread').fill('0');
    await page.getByTestId('rehearsal-burst-send').click();

    const alert = overlay.locator('[data-testid="overlay-alert"][data-kind="revolution"]');
    await alert.waitFor();
    const fired = `The crowd rose up: ${THRESHOLD} comrades!`;
    await expect(alert.textContent()).resolves.toContain(fired);
    await alert.locator(`img[src="/api/media/${mediaId}"]`).waitFor();
    // The file itself was served and decoded, not only named.
    await overlay.waitForFunction((src) => {
      const img = document.querySelector<HTMLImageElement>(`[data-testid="overlay-alert"] img[src="${src}"]`);
      return img !== null && img.complete && img.naturalWidth > 0;
    }, `/api/media/${mediaId}`);
    // The bot said it in chat too: once on the rehearsal connection (the in-room chat, with no
    // meeting running, drops its copy), and the burst queued exactly one revolution alert.
    const sentOnRehearsal = (text: string) =>
      chat
        .locator('[data-testid="outbox-item"][data-status="sent"]')
        .filter({ has: page.locator('[data-platform="rehearsal"]') })
        .filter({ hasText: text });
    await sentOnRehearsal(fired).waitFor();
    await expect(sentOnRehearsal(fired).count()).resolves.toBe(1);
    await expect(
      db.query(`select media_id, text from bot_alerts where kind = 'revolution'`),
    ).resolves.toEqual([{ media_id: mediaId, text: fired }]);
    // The command answered on the platform it came from only, once.
    await expect(chat.getByTestId('outbox-item').filter({ hasText: 'Hello Grace!' }).count()).resolves.toBe(
      1,
    );
    await expect(sentOnRehearsal('Hello Grace!').count()).resolves.toBe(1);
  });
});
