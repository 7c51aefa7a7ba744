import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const PHONE = { viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true };

async function waitForBars(page: Page, expected: [string, number, string | null][]): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const rows = [...document.querySelectorAll('[data-testid="result-choice"]')];
      return (
        rows.length === want.length &&
        rows.every(
          (row, i) =>
            (row.textContent ?? '').includes(want[i]![0]) &&
            row.getAttribute('data-count') === String(want[i]![1]) &&
            (want[i]![2] === null || row.getAttribute('data-correct') === want[i]![2]),
        )
      );
    },
    expected,
    { timeout: 10_000 },
  );
}

/** `[rank, text]` of the scoreboard rows once there are `count` of them. */
async function scoreboard(page: Page, count: number): Promise<[number, string][]> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="scoreboard-row"]').length === n,
    count,
    { timeout: 10_000 },
  );
  return page.$$eval('[data-testid="scoreboard-row"]', (rows) =>
    rows.map((row) => [Number(row.getAttribute('data-rank')), row.textContent ?? '']),
  );
}

describe('a meeting in the browser: editor, phones, dashboard and overlay', () => {
  let browser: Browser;
  let server: RunningServer;
  let cookie = '';
  let workspaceId = '';
  const contexts: BrowserContext[] = [];

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}${path}`, {
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

  async function newContext(options = {}): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  }

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServer()]);
    const me = await api<{ memberships: { workspaceId: string }[] }>('POST', '/api/setup', {
      email: 'host@example.org',
      password: 'a long enough passphrase',
      displayName: 'Host',
      workspaceName: 'Team',
    });
    workspaceId = me.memberships[0]!.workspaceId;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('builds a meeting, plays it on three phones and shows the same results everywhere', async () => {
    // The organizer builds the meeting in the editor.
    const organizer = await (await newContext()).newPage();
    const [name, value] = cookie.split('=') as [string, string];
    await organizer.context().addCookies([{ name, value, url: server.url }]);
    await organizer.goto(`${server.url}/w/${workspaceId}/meetings`);
    await organizer.getByTestId('new-meeting').click();
    await organizer.getByTestId('new-meeting-dialog').getByTestId('meeting-title-input').fill('Team quiz');
    await organizer.getByTestId('create-meeting-submit').click();
    const editor = organizer.getByTestId('meeting-editor');
    await editor.waitFor();
    const meetingId = (await editor.getAttribute('data-meeting-id'))!;

    const addQuestion = async (type: string, title: string, choices: string[], correct?: number) => {
      const before = await organizer.getByTestId('question-item').count();
      await organizer.getByTestId(`add-question-${type}`).click();
      await organizer.getByTestId('question-title-input').fill(title);
      for (const [i, label] of choices.entries())
        await organizer.getByTestId('choice-input').nth(i).fill(label);
      if (correct !== undefined) await organizer.getByTestId('choice-correct').nth(correct).check();
      await organizer.getByTestId('save-question').click();
      await organizer.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="question-item"]').length === n,
        before + 1,
      );
    };
    await addQuestion('poll', 'Lunch?', ['Pizza', 'Salad']);
    await addQuestion('quiz', 'Capital of France?', ['Paris', 'Lyon'], 0);
    await addQuestion('wordcloud', 'One word for today', []);
    const meeting = await api<{ joinCode: string; questions: { title: string }[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/meetings/${meetingId}`,
    );
    expect(meeting.questions.map((q) => q.title)).toEqual([
      'Lunch?',
      'Capital of France?',
      'One word for today',
    ]);

    // Live: this dashboard holds control; the overlay follows whichever meeting is live.
    await organizer.getByTestId('go-live').click();
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

    // A second organizer tab watches read-only until it takes over; the first is told and turns read-only.
    const cohost = await organizer.context().newPage();
    await cohost.goto(`${server.url}/w/${workspaceId}/meetings/${meetingId}/live`);
    await cohost.waitForSelector('[data-testid="control-banner"][data-state="read-only"]');
    expect(await cohost.getByTestId('cmd-next').isDisabled()).toBe(true);
    await cohost.getByTestId('take-control').click();
    await cohost.waitForSelector('[data-testid="control-banner"][data-state="in-control"]');
    await organizer.waitForSelector('[data-testid="control-banner"][data-state="read-only"]');
    await organizer.getByTestId('control-lost').waitFor();
    expect(await organizer.getByTestId('cmd-next').isDisabled()).toBe(true);
    await cohost.close();
    await organizer.getByTestId('take-control').click();
    await organizer.waitForSelector('[data-testid="control-banner"][data-state="in-control"]');
    const overlayToken = await api<{ token: string }>(
      'POST',
      `/api/workspaces/${workspaceId}/overlay-tokens`,
      {
        label: 'OBS',
      },
    );
    const overlay = await (await newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await overlay.goto(
      `${server.url}/overlay/question?token=${encodeURIComponent(overlayToken.token)}&meeting=live`,
    );
    const board = await (await newContext({ viewport: { width: 600, height: 800 } })).newPage();
    await board.goto(
      `${server.url}/overlay/scoreboard?token=${encodeURIComponent(overlayToken.token)}&meeting=live&top=10`,
    );

    // Three phones join with the code.
    const phones: Page[] = [];
    const joinsSent: number[] = [];
    for (const [i, nickname] of ['Ada', 'Ben', 'Cy'].entries()) {
      const phone = await (await newContext(PHONE)).newPage();
      joinsSent[i] = 0;
      phone.on('websocket', (socket) =>
        socket.on('framesent', ({ payload }) => {
          if (String(payload).includes('"meeting.join"')) joinsSent[i]! += 1;
        }),
      );
      await phone.goto(`${server.url}/join/${meeting.joinCode}`);
      await phone.getByTestId('nickname-input').fill(nickname);
      await phone.getByTestId('join-submit').click();
      await phone.getByTestId('attendee-page').waitFor();
      phones.push(phone);
    }
    await organizer.waitForFunction(() =>
      document.querySelector('[data-testid="present-count"]')?.textContent?.includes('3'),
    );
    const answer = async (phone: Page, choice: string) => {
      await phone.getByTestId('choice-option').filter({ hasText: choice }).click();
      await phone.getByTestId('submit-answer').click();
      await phone.getByTestId('answer-counted').waitFor();
    };

    // Poll.
    await command('next', 'question_open');
    await answer(phones[0]!, 'Pizza');
    await answer(phones[1]!, 'Salad');
    await answer(phones[2]!, 'Pizza');
    await waitForBars(organizer, [
      ['Pizza', 2, null],
      ['Salad', 1, null],
    ]);
    await waitForBars(overlay, [
      ['Pizza', 2, null],
      ['Salad', 1, null],
    ]);
    await command('close', 'question_closed');

    // Quiz: Ada first and right, Ben right, Cy wrong; Ben reloads mid-quiz and keeps his answer.
    await command('next', 'question_open');
    await answer(phones[0]!, 'Paris');
    await answer(phones[1]!, 'Paris');
    await phones[1]!.reload();
    await phones[1]!.getByTestId('answer-counted').waitFor();
    await answer(phones[2]!, 'Lyon');
    await command('close', 'question_closed');
    // The phones get the quiz's final results with the closed state, the correct answer marked.
    await waitForBars(phones[2]!, [
      ['Paris', 2, 'true'],
      ['Lyon', 1, 'false'],
    ]);
    await command('results', 'results');
    await waitForBars(organizer, [
      ['Paris', 2, 'true'],
      ['Lyon', 1, 'false'],
    ]);
    await waitForBars(overlay, [
      ['Paris', 2, 'true'],
      ['Lyon', 1, 'false'],
    ]);
    const total = (phone: Page) => phone.getByTestId('my-score').getAttribute('data-total');
    await phones[0]!.waitForSelector('[data-testid="my-score"][data-total="2"][data-rank="1"]');
    await phones[1]!.waitForSelector('[data-testid="my-score"][data-total="1"][data-rank="2"]');
    await phones[1]!.reload();
    await phones[1]!.waitForSelector('[data-testid="my-score"][data-total="1"][data-rank="2"]');
    expect(await total(phones[2]!)).toBe('0');

    // Word cloud.
    await command('next', 'question_open');
    for (const [i, word] of ['Hello', ' hello ', 'World'].entries()) {
      await phones[i]!.getByTestId('word-input').fill(word);
      await phones[i]!.getByTestId('submit-answer').click();
      await phones[i]!.getByTestId('my-words').waitFor();
    }
    await organizer.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="cloud-word"]')].some(
        (w) =>
          w.querySelector('[aria-hidden="true"]')?.textContent === 'hello' &&
          w.getAttribute('data-count') === '2',
      ),
    );
    await command('close', 'question_closed');

    // Scoreboard on the dashboard and on the overlay.
    await command('scoreboard', 'scoreboard');
    const expected = [
      [1, 'Ada', '2'],
      [2, 'Ben', '1'],
      [3, 'Cy', '0'],
    ] as const;
    for (const page of [organizer, board]) {
      const rows = await scoreboard(page, 3);
      expect(rows.map(([rank]) => rank)).toEqual(expected.map(([rank]) => rank));
      rows.forEach(([, text], i) => {
        expect(text).toContain(expected[i]![1]);
        expect(text).toContain(expected[i]![2]);
      });
    }
    // One snapshot per page load (Ben reloaded twice): no push ever reached a phone ahead of the
    // state of its version, which would have made it ask for a whole snapshot again.
    expect(joinsSent).toEqual([1, 3, 1]);
  });
});
