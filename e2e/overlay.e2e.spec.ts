import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { type RunningServer, startServer } from './support/server';

interface Created {
  token: string;
  id: string;
}

describe('overlay pages for OBS', () => {
  let browser: Browser;
  let server: RunningServer;
  let cookie = '';
  let workspaceId = '';

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('podium_session='));
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServer()]);
    const me = await api<{ memberships: { workspaceId: string }[] }>('POST', '/api/setup', {
      email: 'obs@example.org',
      password: 'a long enough passphrase',
      displayName: 'Streamer',
      workspaceName: 'Stream',
    });
    workspaceId = me.memberships[0]!.workspaceId;
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
  });

  it('loads transparent, without scrollbars, and shows it is connected until the token is revoked', async () => {
    const token = await api<Created>('POST', `/api/workspaces/${workspaceId}/overlay-tokens`, {
      label: 'OBS',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/overlay/test?token=${encodeURIComponent(token.token)}`);
    const status = page.getByTestId('overlay-status');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="overlay-status"]')?.getAttribute('data-state') === 'online',
    );

    const look = await page.evaluate(() => ({
      html: getComputedStyle(document.documentElement).backgroundColor,
      body: getComputedStyle(document.body).backgroundColor,
      overflow: getComputedStyle(document.body).overflow,
      scrolls:
        document.documentElement.scrollHeight > window.innerHeight ||
        document.documentElement.scrollWidth > window.innerWidth,
    }));
    expect(look).toEqual({
      html: 'rgba(0, 0, 0, 0)',
      body: 'rgba(0, 0, 0, 0)',
      overflow: 'hidden',
      scrolls: false,
    });

    await api('DELETE', `/api/workspaces/${workspaceId}/overlay-tokens/${token.id}`);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="overlay-status"]')?.getAttribute('data-state') === 'revoked',
    );
    expect(await status.getAttribute('data-state')).toBe('revoked');
  });

  it('says so when the token is missing or wrong', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/overlay/test`);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="overlay-status"]')?.getAttribute('data-state') ===
        'unauthorized',
    );
    await page.goto(`${server.url}/overlay/test?token=${'x'.repeat(43)}`);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="overlay-status"]')?.getAttribute('data-state') ===
        'unauthorized',
    );
  });
});
