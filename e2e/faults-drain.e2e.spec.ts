import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createDatabase, REDIS_URL } from './support/database';
import { Attendee, Organizer, until } from './support/live-clients';
import { newDataDir, type RunningServer, startServer } from './support/server';
import { TcpProxy } from './support/tcp-proxy';

const DRAIN_MS = 8_000;

/** Resolves true when nothing listens on `port` any more. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect({ host: '127.0.0.1', port });
    probe.once('connect', () => {
      probe.destroy();
      resolve(false);
    });
    probe.once('error', () => resolve(true));
  });
}

/** A POST whose body arrives in two halves: the request is in flight between them. */
function slowPost(port: number, path: string, body: string) {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
  const ended = new Promise<string>((resolve) => socket.once('close', () => resolve(response)));
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
  );
  return {
    finish: () => {
      socket.write(body.slice(half));
      return ended;
    },
  };
}

/**
 * Records every value `attribute` of the element at `selector` takes from now on, in the page, so
 * a drop and a return are both seen however quick they are.
 */
async function watchAttribute(page: Page, selector: string, attribute: string) {
  await page.evaluate(
    ([sel, attr]) => {
      const seen: (string | null)[] = [];
      (window as unknown as { __seen: (string | null)[] }).__seen = seen;
      const observe = () => {
        const element = document.querySelector(sel!);
        if (!element) return;
        new MutationObserver(() => seen.push(element.getAttribute(attr!))).observe(element, {
          attributes: true,
          attributeFilter: [attr!],
        });
      };
      observe();
    },
    [selector, attribute],
  );
  return () => page.evaluate(() => (window as unknown as { __seen: (string | null)[] }).__seen);
}

describe('SIGTERM drains a replica', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let browser: Browser | undefined;
  const servers: RunningServer[] = [];
  let proxy: TcpProxy | undefined;
  let organizer: Organizer | undefined;
  let attendee: Attendee | undefined;
  let onB: Attendee | undefined;

  beforeAll(async () => {
    db = await createDatabase();
    const shared = {
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: `podium_e2e_${randomBytes(4).toString('hex')}`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
    };
    servers.push(await startServer({ ...shared, DATA_DIR: newDataDir() }));
    servers.push(await startServer({ ...shared, DATA_DIR: newDataDir() }));
    // Everything goes to A while it listens, so everything is on the replica being drained.
    proxy = await TcpProxy.start(
      servers.map((s) => s.url),
      'first-alive',
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    attendee?.close();
    onB?.close();
    organizer?.close();
    await browser?.close();
    await proxy?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('finishes the request in flight, sends sockets elsewhere, and the web and overlay clients come back', async () => {
    const entry = proxy!.url;
    organizer = new Organizer(entry);
    await organizer.setUp();
    const { meeting, questions } = await organizer.quizMeeting(2);
    await organizer.open(entry, meeting.id);
    await organizer.command(meeting.id, 'start');
    await organizer.command(meeting.id, 'next');

    // A phone in Chromium, an overlay in Chromium, and a phone as a bare Socket.IO client.
    const phone = await (await browser!.newContext({ viewport: { width: 390, height: 760 } })).newPage();
    await phone.goto(`${entry}/join/${meeting.joinCode}`);
    await phone.getByTestId('nickname-input').fill('Ada');
    await phone.getByTestId('join-submit').click();
    await phone.locator('[data-testid="attendee-page"][data-link="online"]').waitFor();
    const { token } = await organizer.http<{ token: string }>(
      'POST',
      `/api/workspaces/${organizer.workspaceId}/overlay-tokens`,
      { label: 'OBS' },
    );
    const overlay = await (await browser!.newContext()).newPage();
    await overlay.goto(`${entry}/overlay/question?token=${encodeURIComponent(token)}&meeting=live`);
    const overlayOnline = (page: Page) =>
      page
        .locator('[data-testid="overlay-live"][data-state="online"]')
        .waitFor({ state: 'attached', timeout: 10_000 });
    await overlayOnline(overlay);
    attendee = new Attendee('Ben');
    await attendee.join(entry, meeting.joinCode);
    await attendee.connect(entry);
    // One phone on B already: the drain is A's alone, B's clients are left alone.
    onB = new Attendee('Dee');
    await onB.join(servers[1]!.url, meeting.joinCode);
    await onB.connect(servers[1]!.url);
    expect(proxy!.openConnections()[1]).toBe(0);

    const phoneLinks = await watchAttribute(phone, '[data-testid="attendee-page"]', 'data-link');
    const overlayStates = await watchAttribute(overlay, '[data-testid="overlay-live"]', 'data-state');

    // A request in flight on A: half its body sent.
    const portA = Number(new URL(servers[0]!.url).port);
    const inFlight = slowPost(portA, '/api/join', JSON.stringify({ code: meeting.joinCode, nickname: 'Cy' }));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const termAt = Date.now();
    const exited = servers[0]!.kill('SIGTERM');
    // A stops listening (the proxy now picks B) and tells its sockets to go.
    await until('A to stop listening', () => refused(portA), 5_000);
    await until('the drain notice', () => attendee!.drainNotices.length > 0, 5_000);

    // The request in flight is still answered, and its connection closed after it.
    const response = await inFlight.finish();
    expect(response).toMatch(/^HTTP\/1\.1 201 /);
    expect(response.toLowerCase()).toContain('connection: close');
    expect(response).toContain('"attendeeToken"');

    const { code } = await exited;
    const drainedInMs = Date.now() - termAt;
    console.log(`A drained and exited (code ${code}) in ${drainedInMs} ms; load ${loadavg().join(' ')}`);
    expect(code).toBe(0);
    expect(drainedInMs).toBeLessThan(DRAIN_MS);

    // Every client is back, on B, with the meeting where it was.
    const { at, snapshot } = await attendee.snapshotAfter(termAt, 5_000);
    expect(snapshot.state.question?.id).toBe(questions[0]!.id);
    console.log(`bare client resynced ${at - termAt} ms after SIGTERM`);
    await until('the phone offline, then online again', async () => {
      const seen = await phoneLinks();
      return seen.includes('offline') && seen.at(-1) === 'online';
    });
    await until('the overlay offline, then online again', async () => {
      const seen = await overlayStates();
      return seen.includes('offline') && seen.at(-1) === 'online';
    });
    await until('the dashboard back', () => organizer!.socket?.connected === true, 10_000);
    expect(proxy!.openConnections()[0]).toBe(0);
    expect(onB.drainNotices).toEqual([]);
    expect(onB.disconnects).toEqual([]);
    expect(proxy!.openConnections()[1]).toBeGreaterThanOrEqual(3);

    // And they work: the phone answers, the organizer closes the question.
    await phone.getByTestId('choice-option').first().click();
    await phone.getByTestId('submit-answer').click();
    await phone.getByTestId('answer-counted').waitFor({ timeout: 10_000 });
    const closed = await organizer.command(meeting.id, 'close');
    expect(closed.phase).toBe('question_closed');
  });
});
