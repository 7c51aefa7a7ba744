import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createDatabase } from './support/database';
import { freePort, type RunningServer, startServer } from './support/server';
import { NICKNAME_PAYLOADS, SAFE, safetyOf, watchForScripts, XSS_PAYLOADS } from './support/xss';

const PHONE = { viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true };

describe('XSS: hostile chat lines, names, nicknames, words and questions show as text and never run (built server, Chromium)', () => {
  let browser: Browser;
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let server: RunningServer | undefined;
  let cookie = '';
  let workspaceId = '';
  let overlayToken = '';
  const contexts: BrowserContext[] = [];
  const dialogs: string[][] = [];

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server!.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('podium_session='));
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A new page in its own context, watched for scripts; signed in as the owner when asked. */
  async function open(
    options: { signedIn?: boolean; phone?: boolean; bypassCSP?: boolean } = {},
  ): Promise<Page> {
    const context = await browser.newContext({
      ...(options.phone ? PHONE : { viewport: { width: 1400, height: 1000 } }),
      bypassCSP: options.bypassCSP ?? false,
    });
    contexts.push(context);
    if (options.signedIn) {
      const [name, value] = cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server!.url }]);
    }
    const page = await context.newPage();
    dialogs.push(watchForScripts(page).dialogs);
    return page;
  }

  const overlayUrl = (kind: string, extra = '') =>
    `${server!.url}/overlay/${kind}?token=${encodeURIComponent(overlayToken)}${extra}`;

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
    const me = await api<{ memberships: { workspaceId: string }[] }>('POST', '/api/setup', {
      email: 'mallory-host@example.org',
      password: 'a long enough passphrase',
      displayName: 'Host',
      workspaceName: 'Hostile',
    });
    workspaceId = me.memberships[0]!.workspaceId;
    overlayToken = (
      await api<{ token: string }>('POST', `/api/workspaces/${workspaceId}/overlay-tokens`, { label: 'OBS' })
    ).token;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });
  afterEach(() => {
    expect(dialogs.flat()).toEqual([]);
  });

  it('the checks themselves catch a payload that runs (a page that renders it as HTML)', async () => {
    // The Content-Security-Policy would block the handler before the checks could see it run: the
    // checks must hold on their own, so this page alone ignores the policy.
    const page = await open({ bypassCSP: true });
    await page.goto(`${server!.url}/api/health`);
    await page.evaluate((html) => {
      document.body.innerHTML = `${html}<p>shown</p><a href="javascript:void 0">x</a>`;
    }, XSS_PAYLOADS[0]);
    await expect(safetyOf(page, ['shown'])).resolves.toEqual({
      xssHits: 1,
      scriptAddresses: ['<a href="javascript:void 0">x</a>'],
      inlineHandlers: ['<img src="x" onerror="window.__xss=1">'],
      injectedScripts: 0,
    });
    await page.evaluate(() => window.alert('caught'));
    expect(dialogs.at(-1)).toEqual(['alert: caught']);
    dialogs.pop();
  });

  it('chat lines and viewer names (rehearsal) and a donation alert: admin chat log and alerts overlay', async () => {
    const ws = `/api/workspaces/${workspaceId}`;
    await api('PUT', `${ws}/bots/alerts/donation`, {
      enabled: true,
      chatTemplate: 'Thank you {user}!',
      alertTemplate: '{user} donated {amount} {currency}!',
      mediaId: null,
      soundMediaId: null,
      durationMs: 30_000,
      minAmount: 0,
    });
    const alerts = await open();
    await alerts.goto(overlayUrl('alerts'));
    await alerts
      .locator('[data-testid="overlay-live"][data-kind="alerts"][data-state="online"]')
      .waitFor({ state: 'attached' });

    // Each payload is said by a viewer named after the next payload.
    for (const [i, text] of XSS_PAYLOADS.entries()) {
      const displayName = XSS_PAYLOADS[(i + 1) % XSS_PAYLOADS.length]!;
      await api('POST', `${ws}/rehearsal/events`, { kind: 'message', viewer: { displayName }, text });
    }
    const donor = XSS_PAYLOADS[0];
    await api('POST', `${ws}/rehearsal/events`, {
      kind: 'donation',
      viewer: { displayName: donor },
      text: XSS_PAYLOADS[2],
      amounts: { money: { amount: '5', currency: 'EUR' } },
    });

    const chat = await open({ signedIn: true });
    await chat.goto(`${server!.url}/w/${workspaceId}/chat`);
    await chat.getByTestId('chat-panel').waitFor();
    await expect(safetyOf(chat, [...XSS_PAYLOADS, `Thank you ${donor}!`])).resolves.toEqual(SAFE);
    await expect(safetyOf(alerts, [`${donor} donated`])).resolves.toEqual(SAFE);
  });

  it('attendee nicknames, word-cloud words and Q&A questions: live dashboard, phones and meeting overlays', async () => {
    const ws = `/api/workspaces/${workspaceId}`;
    const meeting = await api<{ id: string; joinCode: string }>('POST', `${ws}/meetings`, {
      title: 'Hostile room',
    });
    // A quiz first, so every attendee has a score and a row on the scoreboard.
    await api('POST', `${ws}/meetings/${meeting.id}/questions`, {
      type: 'quiz',
      title: 'Pick',
      choices: [
        { label: 'Right', correct: true },
        { label: 'Wrong', correct: false },
      ],
      scoring: 'standard',
    });
    await api('POST', `${ws}/meetings/${meeting.id}/questions`, {
      type: 'wordcloud',
      title: 'One word',
      maxWordsPerAttendee: 3,
      maxWordLength: 60,
      bannedWords: [],
    });
    await api('POST', `${ws}/meetings/${meeting.id}/questions`, {
      type: 'qa',
      title: 'Ask',
      timeLimitSeconds: 300,
    });

    const organizer = await open({ signedIn: true });
    await organizer.goto(`${server!.url}/w/${workspaceId}/meetings/${meeting.id}/live`);
    await organizer.getByTestId('live-dashboard').waitFor();
    await organizer.waitForSelector('[data-testid="control-banner"][data-state="in-control"]');
    const command = async (name: string, phase: string) => {
      await organizer.getByTestId(`cmd-${name}`).click();
      await organizer.waitForFunction(
        (p) => document.querySelector('[data-testid="live-phase"]')?.textContent === p,
        phase,
      );
    };
    await command('start', 'waiting');

    const question = await open();
    await question.goto(overlayUrl('question', '&meeting=live'));
    const cloud = await open();
    await cloud.goto(overlayUrl('wordcloud', '&meeting=live'));
    const board = await open();
    await board.goto(overlayUrl('scoreboard', '&meeting=live&top=20'));

    const phones: Page[] = [];
    for (const nickname of NICKNAME_PAYLOADS.slice(0, 3)) {
      const phone = await open({ phone: true });
      await phone.goto(`${server!.url}/join/${meeting.joinCode}`);
      await phone.getByTestId('nickname-input').fill(nickname);
      await phone.getByTestId('join-submit').click();
      await phone.getByTestId('attendee-page').waitFor();
      phones.push(phone);
    }
    const nicknames = NICKNAME_PAYLOADS.slice(0, phones.length);

    await command('next', 'question_open');
    for (const phone of phones) {
      await phone.getByTestId('choice-option').filter({ hasText: 'Right' }).click();
      await phone.getByTestId('submit-answer').click();
      await phone.getByTestId('answer-counted').waitFor();
    }
    await command('close', 'question_closed');

    // Word cloud: each phone sends a payload (words are compared lower-cased).
    await command('next', 'question_open');
    const words = XSS_PAYLOADS.slice(0, phones.length);
    for (const [i, phone] of phones.entries()) {
      await phone.getByTestId('word-input').fill(words[i]!);
      await phone.getByTestId('submit-answer').click();
      await phone.getByTestId('my-words').waitFor();
    }
    const shownWords = words.map((word) => word.toLowerCase());
    await expect(safetyOf(organizer, shownWords)).resolves.toEqual(SAFE);
    await expect(safetyOf(cloud, shownWords)).resolves.toEqual(SAFE);
    await expect(safetyOf(question, shownWords)).resolves.toEqual(SAFE);
    await expect(safetyOf(phones[0]!, [shownWords[0]!])).resolves.toEqual(SAFE);
    await command('close', 'question_closed');

    // Q&A: each phone asks a payload.
    await command('next', 'question_open');
    const asked = XSS_PAYLOADS.slice(3, 3 + phones.length);
    for (const [i, phone] of phones.entries()) {
      await phone.getByTestId('qa-input').fill(asked[i]!);
      await phone.getByTestId('submit-answer').click();
      await phone.getByTestId('answer-counted').waitFor();
    }
    await expect(safetyOf(organizer, asked)).resolves.toEqual(SAFE);
    await expect(safetyOf(phones[0]!, [asked[0]!])).resolves.toEqual(SAFE);
    await expect(safetyOf(question, [])).resolves.toEqual(SAFE);
    await command('close', 'question_closed');

    // Scoreboard: the nicknames on the dashboard and on the overlay.
    await command('scoreboard', 'scoreboard');
    await expect(safetyOf(organizer, nicknames)).resolves.toEqual(SAFE);
    await expect(safetyOf(board, nicknames)).resolves.toEqual(SAFE);
  });

  it('viewer names and reward notes: the viewer panel, the admin redeem queue and the redeems overlay', async () => {
    const ws = `/api/workspaces/${workspaceId}`;
    const reward = await api<{ id: string }>('POST', `${ws}/rewards`, {
      name: 'shoutout',
      type: 'note',
      price: 10,
    });
    const names = XSS_PAYLOADS.slice(5);
    for (const displayName of names)
      await api('POST', `${ws}/rehearsal/events`, { kind: 'message', viewer: { displayName }, text: 'hi' });
    const viewers = await db.query(
      `select id, display_name from viewers where workspace_id = '${workspaceId}' and (display_name like '%\\_\\_xss%' or display_name like '%alert(1)%')`,
    );
    const idOf = (name: string) => {
      const row = viewers.find((viewer) => viewer['display_name'] === name);
      if (!row) throw new Error(`no viewer named ${name}: ${JSON.stringify(viewers)}`);
      return row['id'] as string;
    };
    // Each hostile viewer gets points and redeems with the next payload as the note (moderator REST).
    const notes: string[] = [];
    for (const [i, name] of names.entries()) {
      await api('POST', `${ws}/points/adjust`, { viewerId: idOf(name), amount: 1000, reason: 'xss' });
      const note = XSS_PAYLOADS[i]!;
      await api('POST', `${ws}/redeems`, {
        rewardId: reward.id,
        viewerId: idOf(name),
        note,
        requestId: randomUUID(),
      });
      notes.push(note);
    }

    // One of them asks for their panel and redeems from it with a hostile note.
    const panelViewer = names[0]!;
    await api('POST', `${ws}/rehearsal/events`, {
      kind: 'message',
      viewer: { displayName: panelViewer },
      text: '!panel',
    });
    let link: string | undefined;
    for (let tries = 0; tries < 100 && !link; tries += 1) {
      const rows = await db.query(`select text from chat_outbox where text like '%your panel:%'`);
      link = /(https?:\/\/\S+\/p\/[A-Za-z0-9._~-]+)/.exec(String(rows[0]?.['text'] ?? ''))?.[1];
      if (!link) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(link).toBeDefined();
    const panel = await open({ phone: true });
    await panel.goto(link!);
    await panel.waitForURL((url) => url.pathname === `/panel/${workspaceId}`);
    const panelNote = XSS_PAYLOADS[names.length]!;
    const card = panel.getByRole('form', { name: 'shoutout' });
    await card.locator('textarea').fill(panelNote);
    await card.locator('button[type="submit"]').click();
    await expect(safetyOf(panel, [panelViewer, 'is in the queue'])).resolves.toEqual(SAFE);
    notes.push(panelNote);

    const queue = await open({ signedIn: true });
    await queue.goto(`${server!.url}/w/${workspaceId}/rewards/queue`);
    await expect(safetyOf(queue, [...names, ...notes])).resolves.toEqual(SAFE);

    const redeems = await open();
    await redeems.goto(overlayUrl('redeems'));
    await expect(safetyOf(redeems, names)).resolves.toEqual(SAFE);
  });
});
