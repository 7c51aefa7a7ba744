import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  ChatEventInput,
  CreatedOverlayTokenDto,
  CreateRevolutionBotRequest,
  RehearsalInjectionDto,
  RevolutionBotDto,
  RevolutionProgressDto,
} from '@podium/contracts';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { ChatPipeline } from '../src/modules/chat/events/chat-pipeline';
import { ok, record, request, sleep, until } from './support/live-harness';
import { connectSocket, type TestSocket } from './support/sockets';
import { useTestSuite } from './support/test-suite';

describe('revolution bots through the chat pipeline (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const inroom = () => suite.app.podium.app.get(ConnectionsService).ensureInroom(suite.owner.workspaceId);
  let triggers = 0;

  async function newRevolution(
    overrides: Partial<CreateRevolutionBotRequest> = {},
  ): Promise<RevolutionBotDto> {
    triggers += 1;
    const tag = randomUUID().slice(0, 8);
    const created = await suite.owner.client.post<RevolutionBotDto>(`${ws()}/bots/revolutions`, {
      name: `Revolution ${triggers}`,
      trigger: `!rev${triggers}x${tag}`,
      threshold: 30,
      windowSeconds: 60,
      cooldownSeconds: 600,
      message: `Vive la revolution ${tag}: {count} strong!`,
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const line = (userId: string, text: string): ChatEventInput => ({
    kind: 'message',
    externalId: `m-${randomUUID()}`,
    viewer: { platform: 'inroom', platformUserId: userId, displayName: `Viewer ${userId}`, roles: [] },
    text,
    fragments: [{ type: 'text', text }],
    occurredAt: new Date().toISOString(),
  });

  /** Records the lines (all at once when `together`) and waits until every handler has run. */
  async function say(inputs: ChatEventInput[], together = false): Promise<void> {
    const connection = await inroom();
    const pipeline = suite.app.podium.app.get(ChatPipeline);
    const results = together
      ? await Promise.all(inputs.map((input) => pipeline.ingest(connection, [input])))
      : [await pipeline.ingest(connection, inputs)];
    const ids = results.flatMap((result) => result.recorded.map((event) => event.id));
    expect(ids).toHaveLength(inputs.length);
    await until(
      'chat events handled',
      async () => {
        const [row] = await suite.db.query<{ pending: number }>(
          'select count(*)::int as pending from chat_events where id = any($1::uuid[]) and processed_at is null',
          [ids],
        );
        return row!.pending === 0;
      },
      20_000,
    );
  }

  const viewers = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

  async function fires(bot: RevolutionBotDto) {
    const posted = await suite.db.query<{ connection_id: string }>(
      'select connection_id from chat_outbox where text = $1',
      [bot.message.replace('{count}', String(bot.threshold))],
    );
    const alerts = await suite.db.query<{ text: string }>(
      `select text from bot_alerts where workspace_id = $1 and kind = 'revolution' and text like $2`,
      [suite.owner.workspaceId, `${bot.message.split(':')[0]}%`],
    );
    return { posted: posted.length, alerts: alerts.map((a) => a.text) };
  }

  async function progress(bot: RevolutionBotDto): Promise<RevolutionProgressDto> {
    const result = await suite.owner.client.get<RevolutionProgressDto>(
      `${ws()}/bots/revolutions/${bot.id}/progress`,
    );
    expect(result.status).toBe(200);
    return result.body;
  }

  it('validates settings with the field at fault', async () => {
    const bad = await suite.owner.client.post<ApiErrorDto>(`${ws()}/bots/revolutions`, {
      name: 'x',
      trigger: 'two words',
      threshold: 1,
      message: 'm',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/trigger|threshold/);
    const missing = await suite.owner.client.get<ApiErrorDto>(`${ws()}/bots/revolutions/${randomUUID()}`);
    expect(missing.status).toBe(404);
  });

  it('fires exactly once, at the 30th distinct viewer, with the chat message and the alert', async () => {
    const bot = await newRevolution();
    const crowd = viewers(`v30-${bot.id}`, 31);
    await say(crowd.slice(0, 29).map((id) => line(id, `${bot.trigger} now`)));
    expect(await fires(bot)).toEqual({ posted: 0, alerts: [] });
    expect(await progress(bot)).toMatchObject({
      count: 29,
      threshold: 30,
      firedAt: null,
      cooldownUntil: null,
    });

    await say([line(crowd[29]!, bot.trigger.toUpperCase())]);
    const fired = await fires(bot);
    expect(fired.posted).toBe(1); // the in-room chat is the workspace's one connection
    expect(fired.alerts).toEqual([bot.message.replace('{count}', '30')]);
    const after = await progress(bot);
    expect(after.firedAt).not.toBeNull();
    expect(after.cooldownUntil).not.toBeNull();
    // Hits from before the fire no longer count, and the 31st during the cooldown changes nothing.
    expect(after.count).toBe(0);
    await say([line(crowd[30]!, bot.trigger)]);
    expect(await fires(bot)).toEqual(fired);
  });

  it('never fires for 30 messages from one viewer', async () => {
    const bot = await newRevolution();
    const alone = `solo-${bot.id}`;
    await say(Array.from({ length: 30 }, () => line(alone, bot.trigger)));
    expect(await fires(bot)).toEqual({ posted: 0, alerts: [] });
    expect((await progress(bot)).count).toBe(1);
  });

  it('ignores messages that only mention the trigger later on', async () => {
    const bot = await newRevolution({ threshold: 2 });
    await say(viewers(`mention-${bot.id}`, 3).map((id) => line(id, `join the ${bot.trigger}`)));
    expect((await progress(bot)).count).toBe(0);
  });

  it('fires once for a burst of 40 viewers arriving at the same time', async () => {
    const bot = await newRevolution();
    await say(
      viewers(`burst-${bot.id}`, 40).map((id) => line(id, bot.trigger)),
      true,
    );
    const fired = await fires(bot);
    expect(fired.posted).toBe(1);
    expect(fired.alerts).toHaveLength(1);
    const [row] = await suite.db.query<{ fired_count: number }>(
      'select fired_count from bot_revolutions where id = $1',
      [bot.id],
    );
    expect(row!.fired_count).toBe(30);
  });

  it('rests for the cooldown, then fires again only for new hits', async () => {
    const bot = await newRevolution({ threshold: 2, cooldownSeconds: 2 });
    const [a, b, c, d, e] = viewers(`cool-${bot.id}`, 5);
    await say([line(a!, bot.trigger), line(b!, bot.trigger)]);
    expect((await fires(bot)).posted).toBe(1);
    // During the cooldown: ignored, even past the threshold.
    await say([line(c!, bot.trigger), line(d!, bot.trigger)]);
    expect((await fires(bot)).posted).toBe(1);
    expect((await progress(bot)).count).toBe(0);

    const { cooldownUntil } = await progress(bot);
    await sleep(Math.max(0, new Date(cooldownUntil!).getTime() - Date.now()) + 200);
    // One new viewer after the cooldown is not enough: the hits before the fire are gone.
    await say([line(e!, bot.trigger)]);
    expect((await fires(bot)).posted).toBe(1);
    expect((await progress(bot)).count).toBe(1);
    await say([line(a!, bot.trigger)]);
    const again = await suite.db.query('select 1 from chat_outbox where text = $1', [
      bot.message.replace('{count}', '2'),
    ]);
    expect(again).toHaveLength(2);
  });

  it('counts a hit when it was typed: an old line is out of the window, a clock ahead counts as now', async () => {
    const bot = await newRevolution({ threshold: 2, windowSeconds: 10 });
    const [a, b, c] = viewers(`typed-${bot.id}`, 3);
    const typed = (id: string, offsetMs: number): ChatEventInput => ({
      ...line(id, bot.trigger),
      occurredAt: new Date(Date.now() + offsetMs).toISOString(),
    });
    // Typed 20 s before it arrived (within what a platform's time is believed): outside 10 s.
    await say([typed(a!, -20_000)]);
    expect((await progress(bot)).count).toBe(0);
    // A platform clock an hour ahead: the hit counts as typed now, not in an hour.
    await say([typed(b!, 3_600_000)]);
    expect((await progress(bot)).count).toBe(1);
    expect((await fires(bot)).posted).toBe(0);
    await say([line(c!, bot.trigger)]);
    expect((await fires(bot)).posted).toBe(1);
  });

  it('judges a rehearsal burst by its spread: 30 viewers over 120 s are 15 in a 60 s window', async () => {
    const bot = await newRevolution();
    const burst = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/burst`, {
      text: bot.trigger,
      viewers: 30,
      spreadSeconds: 120,
      namePrefix: `spread${triggers}-`,
    });
    expect(burst.status).toBe(201);
    const ids = burst.body.events.map((event) => event.id);
    expect(ids).toHaveLength(30);
    await until(
      'burst handled',
      async () => {
        const [row] = await suite.db.query<{ pending: number }>(
          'select count(*)::int as pending from chat_events where id = any($1::uuid[]) and processed_at is null',
          [ids],
        );
        return row!.pending === 0;
      },
      20_000,
    );
    // Dated evenly 120 s back to now: the newest 15 were typed within the last 60 s.
    expect((await progress(bot)).count).toBe(15);
    expect(await fires(bot)).toEqual({ posted: 0, alerts: [] });
  });

  it('pushes progress to organizers and overlays, and gives overlays a snapshot', async () => {
    const bot = await newRevolution({ threshold: 5 });
    const hidden = await newRevolution({ threshold: 5, showOnOverlay: false });
    const { socket: organizer } = await connectSocket(suite.app.baseUrl, {
      cookie: suite.owner.client.cookie,
    });
    suite.sockets.push(organizer);
    const token = await suite.owner.client.post<CreatedOverlayTokenDto>(`${ws()}/overlay-tokens`, {
      label: 'revolution bar',
    });
    expect(token.status).toBe(201);
    const { socket: overlay } = await connectSocket(suite.app.baseUrl, { overlayToken: token.body.token });
    suite.sockets.push(overlay);
    const toOrganizer = record(organizer, 'revolution.progress');
    const toOverlay = record(overlay, 'revolution.progress');

    await say([line(`push-a-${bot.id}`, bot.trigger), line(`push-b-${bot.id}`, hidden.trigger)]);
    await until('progress pushed', () => toOrganizer.length >= 2 && toOverlay.length >= 1);
    expect(toOrganizer.find((p) => p.revolutionId === bot.id)).toMatchObject({
      count: 1,
      threshold: 5,
      name: bot.name,
      trigger: bot.trigger,
    });
    await sleep(200);
    // The overlay only hears about bots shown on it.
    expect(toOverlay.map((p) => p.revolutionId)).toEqual([bot.id]);

    const snapshot = ok(await request(overlay as TestSocket, 'revolutions.snapshot', {}));
    const shown = snapshot.revolutions.map((p) => p.revolutionId);
    expect(shown).toContain(bot.id);
    expect(shown).not.toContain(hidden.id);
    expect(snapshot.revolutions.find((p) => p.revolutionId === bot.id)?.count).toBe(1);
    const dashboard = ok(
      await request(organizer, 'revolutions.snapshot', { workspaceId: suite.owner.workspaceId }),
    );
    expect(dashboard.revolutions.map((p) => p.revolutionId)).toEqual(
      expect.arrayContaining([bot.id, hidden.id]),
    );
  });
});
