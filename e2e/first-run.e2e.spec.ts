import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { newDataDir, type RunningServer, startServer } from './support/server';

const OWNER = {
  displayName: 'Ada Organizer',
  email: 'ada@example.org',
  password: 'a long enough passphrase',
  workspaceName: 'Ada live',
};

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const form = page.getByTestId('login-form');
  await form.waitFor();
  await form.locator('input[name="email"]').fill(OWNER.email);
  await form.locator('input[name="password"]').fill(OWNER.password);
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard').waitFor();
}

describe('a new user on a fresh install (embedded database, built server)', () => {
  let browser: Browser;
  let server: RunningServer | undefined;
  const dataDir = newDataDir();

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
  });

  it('creates the owner, sees the dashboard live, signs out and back in, and survives a restart', async () => {
    server = await startServer({ DATA_DIR: dataDir });
    const page = await browser.newPage();

    // The printed URL leads a fresh install to owner setup: there is no default account.
    await page.goto(server.url);
    const setup = page.getByTestId('setup-form');
    await setup.waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    for (const [field, value] of Object.entries(OWNER)) {
      await setup.locator(`input[name="${field}"]`).fill(value);
    }
    await setup.locator('button[type="submit"]').click();

    await page.getByTestId('dashboard').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/w\/[0-9a-f-]{36}/);
    await expect(page.getByTestId('workspace-switcher').textContent()).resolves.toContain(
      OWNER.workspaceName,
    );
    const indicator = page.getByTestId('connection-indicator');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state') ===
        'online',
    );
    expect(await indicator.getAttribute('data-state')).toBe('online');

    // Sign out: the session is gone, the dashboard is closed.
    const menu = page.getByTestId('user-menu');
    const signOut = page.getByTestId('sign-out');
    if (!(await signOut.isVisible())) await menu.click();
    await signOut.click();
    await page.getByTestId('login-form').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);

    await signIn(page, server.url);

    // Stop and start again on the same data folder: the owner is still there.
    expect(await server.stop()).toBe(0);
    server = await startServer({ DATA_DIR: dataDir });
    const fresh = await browser.newPage();
    await fresh.goto(server.url);
    await fresh.getByTestId('login-form').waitFor();
    expect(new URL(fresh.url()).pathname).toBe('/login');
    await signIn(fresh, server.url);
  });
});
