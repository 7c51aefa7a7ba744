import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  PanelHistoryDto,
  PanelMeDto,
  PanelSessionDto,
  RehearsalInjectionDto,
} from '@podium/contracts';
import { AppSecrets } from '../src/config/secrets';
import { PanelAuthService } from '../src/modules/panel/panel-auth.service';
import { signPanelLink } from '../src/modules/panel/panel-link-token';
import { until } from './support/live-harness';
import { PanelBrowser, panelHelpers, usePanelSuite } from './support/panel';
import { useTestSuite } from './support/test-suite';

/** Signing in to the viewer panel with a !panel link, its sessions and cookies. */
describe('viewer panel (PostgreSQL)', () => {
  const suite = usePanelSuite();
  const { ws, get, askForLink, credit } = panelHelpers(suite);

  it('answers !panel with a personal link that signs in exactly once', async () => {
    const { token, viewerId } = await askForLink('Panel Fan');
    const browser = new PanelBrowser(suite.app.baseUrl);

    const first = await browser.signIn(token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      workspaceId: suite.owner.workspaceId,
      viewer: { id: viewerId, displayName: 'Panel Fan', platform: 'rehearsal' },
    });
    // http PUBLIC_URL: Lax, http-only, scoped to the panel API, 30 days.
    expect(first.setCookie).toMatch(/HttpOnly/i);
    expect(first.setCookie).toMatch(/Path=\/api\/panel/);
    expect(first.setCookie).toMatch(/SameSite=Lax/i);
    const expires = Date.parse(first.body.expiresAt);
    expect(expires - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const me = await browser.request<PanelMeDto>('GET', '/api/panel/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ viewer: { id: viewerId, displayName: 'Panel Fan' }, balance: 0 });
    expect(me.body.currencyName).toBe('points');

    // The same link again (another device, or someone else who saw it in chat) is refused.
    const other = new PanelBrowser(suite.app.baseUrl);
    const second = await other.signIn(token);
    expect(second.status).toBe(401);
    expect(second.body.code).toBe('panel.link_used');
    expect(other.cookie).toBeUndefined();
    expect((await other.request('GET', '/api/panel/me')).status).toBe(401);
  });

  it('refuses forged, altered, unknown and expired links, and stores only digests', async () => {
    const { token, viewerId } = await askForLink('Link Tester');
    const browser = new PanelBrowser(suite.app.baseUrl);

    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    const altered = await browser.signIn(flipped);
    expect(altered.status).toBe(401);
    expect(altered.body.code).toBe('panel.link_invalid');

    const forged = signPanelLink('not-the-server-secret-but-long-enough-1234', {
      workspaceId: suite.owner.workspaceId,
      viewerId,
      expiresAt: Math.floor(Date.now() / 1000) + 600,
    });
    expect((await browser.signIn(forged)).body.code).toBe('panel.link_invalid');

    // Signed by the server but never issued by !panel: no stored link, no session.
    const secret = get(AppSecrets).sessionSecret;
    const unissued = signPanelLink(secret, {
      workspaceId: suite.owner.workspaceId,
      viewerId,
      expiresAt: Math.floor(Date.now() / 1000) + 600,
    });
    expect((await browser.signIn(unissued)).body.code).toBe('panel.link_invalid');

    const expired = signPanelLink(secret, {
      workspaceId: suite.owner.workspaceId,
      viewerId,
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    expect((await browser.signIn(expired)).body.code).toBe('panel.link_expired');

    // An issued link whose ten minutes are over (moved into the past in the database) is refused too.
    await suite.db.query(
      `update panel_links set expires_at = now() - interval '1 second' where viewer_id = $1`,
      [viewerId],
    );
    const late = await browser.signIn(token);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('panel.link_expired');
    expect(browser.cookie).toBeUndefined();

    const stored = (await suite.db.query(`select token_hash from panel_links where viewer_id = $1`, [
      viewerId,
    ])) as { token_hash: string }[];
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(token).not.toContain(row.token_hash);
    }
  });

  it("shows the signed-in viewer's own balance and history only", async () => {
    const alice = await askForLink('Alice Panel');
    const bob = await askForLink('Bob Panel');
    await credit(alice.viewerId, 120, `test:${randomUUID()}`);
    await credit(bob.viewerId, 40, `test:${randomUUID()}`);

    const browser = new PanelBrowser(suite.app.baseUrl);
    expect((await browser.signIn(alice.token)).status).toBe(200);
    const me = await browser.request<PanelMeDto>('GET', '/api/panel/me');
    expect(me.body.viewer.id).toBe(alice.viewerId);
    expect(me.body.balance).toBe(120);
    const history = await browser.request<PanelHistoryDto>('GET', '/api/panel/history?limit=10');
    expect(history.status).toBe(200);
    expect(history.body.entries).toEqual([
      expect.objectContaining({ amount: 120, reason: 'adjust', balanceAfter: 120 }),
    ]);
    // No parameter names another viewer: a query string cannot switch to Bob.
    const sneaky = await browser.request<PanelMeDto>('GET', `/api/panel/me?viewerId=${bob.viewerId}`);
    expect(sneaky.body.balance).toBe(120);
  });

  it('keeps panel sessions and organizer sessions apart', async () => {
    const { token } = await askForLink('Separate Viewer');
    const browser = new PanelBrowser(suite.app.baseUrl);
    await browser.signIn(token);
    expect(browser.cookie).toBeDefined();

    // The panel cookie opens no organizer API (even if a client sent it there).
    const organizerApi = await browser.request<ApiErrorDto>('GET', `${ws()}/connections`);
    expect(organizerApi.status).toBe(401);
    const account = await browser.request<ApiErrorDto>('GET', '/api/auth/me');
    expect(account.status).toBe(401);

    // The organizer's session opens no panel.
    const organizerOnPanel = await suite.owner.client.get<ApiErrorDto>('/api/panel/me');
    expect(organizerOnPanel.status).toBe(401);
    expect(organizerOnPanel.body.code).toBe('panel.unauthenticated');
  });

  it('refuses non-JSON writes, and signing out everywhere ends every session of the viewer', async () => {
    const first = await askForLink('Careful Viewer');
    const second = await askForLink('Careful Viewer');
    const phone = new PanelBrowser(suite.app.baseUrl);
    const laptop = new PanelBrowser(suite.app.baseUrl);
    await phone.signIn(first.token);
    await laptop.signIn(second.token);

    // A cross-site form post (no JSON) carrying the cookie does nothing.
    const form = await phone.request<ApiErrorDto>(
      'POST',
      '/api/panel/sign-out',
      'everywhere=true',
      'text/plain',
    );
    expect(form.status).toBe(401);
    expect((await laptop.request('GET', '/api/panel/me')).status).toBe(200);

    const out = await phone.request('POST', '/api/panel/sign-out', { everywhere: true });
    expect(out.status).toBe(204);
    expect((await phone.request('GET', '/api/panel/me')).status).toBe(401);
    expect((await laptop.request('GET', '/api/panel/me')).status).toBe(401);
  });

  it('stays silent on !panel in passive mode (only !points answers there)', async () => {
    const settings = `${ws()}/points/settings`;
    expect((await suite.owner.client.put(settings, { passive: true })).status).toBe(200);
    try {
      for (const text of ['!panel', '!points']) {
        const sent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
          kind: 'message',
          viewer: { displayName: 'Quiet Viewer' },
          text,
          eventId: randomUUID(),
        });
        expect(sent.status).toBe(201);
      }
      const replies = async () =>
        (
          (await suite.db.query(`select text from chat_outbox where workspace_id = $1 and text like $2`, [
            suite.owner.workspaceId,
            '%Quiet Viewer%',
          ])) as { text: string }[]
        ).map((row) => row.text);
      // `!points` was typed after `!panel`: once its answer is there, `!panel` had its chance.
      await until('the !points reply', async () => (await replies()).some((text) => text.includes(' has ')));
      expect((await replies()).filter((text) => text.includes('/p/'))).toEqual([]);
    } finally {
      await suite.owner.client.put(settings, { passive: false });
    }
  });
});

describe('viewer panel cookie over https (PostgreSQL)', () => {
  const suite = useTestSuite({ env: () => ({ PUBLIC_URL: 'https://podium.example' }) });

  async function newLinkToken(displayName: string): Promise<string> {
    const ws = `/api/workspaces/${suite.owner.workspaceId}`;
    const sent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws}/rehearsal/events`, {
      kind: 'message',
      viewer: { displayName },
      text: 'hello',
      eventId: randomUUID(),
    });
    const link = await suite.app.podium.app.get(PanelAuthService).issueLink({
      workspaceId: suite.owner.workspaceId,
      viewerId: sent.body.events[0]!.viewerId!,
      platform: 'rehearsal',
      displayName,
    });
    expect(link.startsWith('https://podium.example/p/')).toBe(true);
    return link.slice('https://podium.example/p/'.length);
  }

  it('is SameSite=None and Secure for the Owncast iframe, and Partitioned when signed in embedded', async () => {
    const page = new PanelBrowser(suite.app.baseUrl);
    const plain = await page.signIn(await newLinkToken('Page Viewer'));
    expect(plain.status).toBe(200);
    expect(plain.setCookie).toMatch(/SameSite=None/i);
    expect(plain.setCookie).toMatch(/; Secure/i);
    expect(plain.setCookie).not.toMatch(/Partitioned/i);

    const frame = new PanelBrowser(suite.app.baseUrl);
    const embedded = await frame.request<PanelSessionDto>('POST', '/api/panel/session', {
      token: await newLinkToken('Iframe Viewer'),
      embedded: true,
    });
    expect(embedded.status).toBe(200);
    expect(embedded.setCookie).toMatch(/SameSite=None/i);
    expect(embedded.setCookie).toMatch(/Partitioned/i);
    expect((await frame.request<PanelMeDto>('GET', '/api/panel/me')).body.viewer.displayName).toBe(
      'Iframe Viewer',
    );
  });
});
