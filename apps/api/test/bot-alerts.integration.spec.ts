import { randomUUID } from 'node:crypto';
import type {
  AlertDto,
  AlertQueuedPayload,
  ChatEventInput,
  CreatedOverlayTokenDto,
  EventAlertSettingsDto,
  TimerChangedPayload,
} from '@podium/contracts';
import { DomainEvents } from '../src/common/events/domain-events';
import { TimerCommand } from '../src/modules/bots/alerts/timer.command';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { ChatPipeline } from '../src/modules/chat/events/chat-pipeline';
import { ok, request, until } from './support/live-harness';
import { eventually } from './support/live';
import { connectSocket, nextEvent, type TestSocket } from './support/sockets';
import { useTestSuite } from './support/test-suite';

describe('event alerts, the alert queue and !timer (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const get = <T>(type: abstract new (...args: never[]) => T) => suite.app.podium.app.get(type);
  const inroom = () => get(ConnectionsService).ensureInroom(suite.owner.workspaceId);

  async function overlaySocket(): Promise<TestSocket> {
    const token = await suite.owner.client.post<CreatedOverlayTokenDto>(`${ws()}/overlay-tokens`, {
      label: 'alerts',
    });
    const { socket } = await connectSocket(suite.app.baseUrl, { overlayToken: token.body.token });
    suite.sockets.push(socket);
    return socket;
  }

  const viewer = (id: string, roles: ('moderator' | 'subscriber')[] = []) => ({
    platform: 'inroom' as const,
    platformUserId: id,
    displayName: id,
    roles,
  });
  const event = (
    kind: ChatEventInput['kind'],
    who: string,
    extra: Partial<ChatEventInput> = {},
  ): ChatEventInput => ({
    kind,
    externalId: `${kind}-${randomUUID()}`,
    viewer: viewer(who),
    occurredAt: new Date().toISOString(),
    ...extra,
  });
  const alertsOf = (kinds: string[]) =>
    suite.db.query<{ kind: string; text: string; starts_at: Date; ends_at: Date }>(
      `select kind, text, starts_at, ends_at from bot_alerts where workspace_id = $1 and kind = any($2) order by starts_at`,
      [suite.owner.workspaceId, kinds],
    );
  const outboxWith = (fragment: string) =>
    suite.db.query<{ text: string }>(
      `select text from chat_outbox where workspace_id = $1 and text like $2`,
      [suite.owner.workspaceId, `%${fragment}%`],
    );

  it('serves default settings and saves edits, refusing media of another workspace', async () => {
    const initial = await suite.owner.client.get<EventAlertSettingsDto>(`${ws()}/bots/alerts/cheer`);
    expect(initial.status).toBe(200);
    // Off until an organizer turns it on: connecting a channel never starts talking in its chat unasked.
    expect(initial.body).toMatchObject({ kind: 'cheer', enabled: false, customized: false, minAmount: 0 });

    const body = {
      enabled: true,
      chatTemplate: 'Thanks {user} for {amount} bits!',
      alertTemplate: '{user} cheered {amount}',
      mediaId: null,
      soundMediaId: null,
      durationMs: 3_000,
      minAmount: 100,
    };
    const saved = await suite.owner.client.put<EventAlertSettingsDto>(`${ws()}/bots/alerts/cheer`, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...body, customized: true });
    const strangerMedia = await suite.owner.client.put(`${ws()}/bots/alerts/cheer`, {
      ...body,
      mediaId: randomUUID(),
    });
    expect(strangerMedia.status).toBe(404);
    expect((await suite.owner.client.get(`${ws()}/bots/alerts/nonsense`)).status).toBe(400);
    expect(
      (await suite.owner.client.put(`${ws()}/bots/alerts/cheer`, { ...body, durationMs: 0 })).status,
    ).toBe(400);
  });

  /** Switches a kind on with the default lines it was served. */
  async function enable(kind: 'follow' | 'raid'): Promise<void> {
    const served = await suite.owner.client.get<EventAlertSettingsDto>(`${ws()}/bots/alerts/${kind}`);
    const { chatTemplate, alertTemplate, mediaId, soundMediaId, durationMs, minAmount } = served.body;
    const body = { enabled: true, chatTemplate, alertTemplate, mediaId, soundMediaId, durationMs, minAmount };
    expect((await suite.owner.client.put(`${ws()}/bots/alerts/${kind}`, body)).status).toBe(200);
  }

  it('gives three events arriving at once consecutive, non-overlapping slots and their chat lines', async () => {
    await enable('follow');
    await enable('raid');
    const socket = await overlaySocket();
    const pushed: AlertQueuedPayload[] = [];
    socket.on('alert.queued', (payload) => pushed.push(payload));
    const connection = await inroom();
    const tag = randomUUID().slice(0, 6);
    await Promise.all([
      get(ChatPipeline).ingest(connection, [event('follow', `Fol${tag}`)]),
      get(ChatPipeline).ingest(connection, [event('cheer', `Che${tag}`, { amounts: { bits: 500 } })]),
      get(ChatPipeline).ingest(connection, [event('raid', `Rai${tag}`, { amounts: { raidViewers: 30 } })]),
    ]);

    // The pipeline runs handlers after recording: wait for them.
    await until('three alerts', async () => (await alertsOf(['follow', 'cheer', 'raid'])).length >= 3);
    await until('three chat lines', async () => (await outboxWith(tag)).length >= 3);
    const alerts = await alertsOf(['follow', 'cheer', 'raid']);
    expect(alerts).toHaveLength(3);
    for (let i = 1; i < alerts.length; i += 1) {
      // Each starts exactly when the one before ends: consecutive, never overlapping.
      expect(new Date(alerts[i]!.starts_at).getTime()).toBe(new Date(alerts[i - 1]!.ends_at).getTime());
    }
    expect(alerts.map((a) => a.text).sort()).toEqual(
      [`Che${tag} cheered 500`, `Fol${tag} just followed!`, `Rai${tag} raids with 30!`].sort(),
    );
    expect(await outboxWith(`Fol${tag}`)).toEqual([{ text: `Thanks for the follow, Fol${tag}!` }]);
    expect(await outboxWith(`Che${tag}`)).toEqual([{ text: `Thanks Che${tag} for 500 bits!` }]);
    expect(await outboxWith(`Rai${tag}`)).toHaveLength(1);

    // The overlay was told about each, and its snapshot holds those not yet ended.
    await eventually(
      () => pushed.length,
      (n) => n === 3,
    );
    expect(new Set(pushed.map((p) => p.alert.kind))).toEqual(new Set(['follow', 'cheer', 'raid']));
    const snapshot = ok(await request(socket, 'alerts.snapshot', {}));
    expect(snapshot.alerts.map((a) => a.id)).toEqual(expect.arrayContaining(pushed.map((p) => p.alert.id)));
  });

  it('fires once for an event delivered twice or retried, and not below the minimum', async () => {
    const connection = await inroom();
    const tag = randomUUID().slice(0, 6);
    const input = event('follow', `Twice${tag}`);
    await get(ChatPipeline).ingest(connection, [input]);
    await get(ChatPipeline).ingest(connection, [input]);
    await until('the follow alert', async () => (await outboxWith(`Twice${tag}`)).length === 1);
    // A retry re-dispatches the recorded event: handlers must not repeat themselves.
    const [recorded] = await suite.db.query<{ id: string }>(
      'select id from chat_events where external_id = $1',
      [input.externalId],
    );
    const { recorded: again } = await get(ChatPipeline).ingest(connection, [input]);
    expect(again).toHaveLength(0);
    const events = get(DomainEvents);
    await events.dispatch('viewer.followed', {
      event: {
        ...input,
        id: recorded!.id,
        workspaceId: suite.owner.workspaceId,
        connectionId: connection.id,
        platform: 'inroom',
        receivedAt: new Date().toISOString(),
      },
    });
    expect((await alertsOf(['follow'])).filter((a) => a.text.includes(`Twice${tag}`))).toHaveLength(1);
    expect(await outboxWith(`Twice${tag}`)).toHaveLength(1);

    // Cheer minimum is 100 (saved above): 50 bits fire nothing (a 100-bit cheer after it does).
    await get(ChatPipeline).ingest(connection, [event('cheer', `Small${tag}`, { amounts: { bits: 50 } })]);
    await get(ChatPipeline).ingest(connection, [event('cheer', `Big${tag}`, { amounts: { bits: 100 } })]);
    await until('the 100-bit cheer', async () => (await outboxWith(`Big${tag}`)).length === 1);
    expect((await alertsOf(['cheer'])).filter((a) => a.text.includes(`Small${tag}`))).toHaveLength(0);
    expect(await outboxWith(`Small${tag}`)).toHaveLength(0);
  });

  it('plays a test alert after the queue, and pushes it to the overlay', async () => {
    const socket = await overlaySocket();
    const queued = nextEvent(socket, 'alert.queued');
    const test = await suite.owner.client.post<AlertDto>(`${ws()}/bots/alerts/test`, { text: '<b>hi</b>' });
    expect(test.status).toBe(201);
    expect(test.body).toMatchObject({ kind: 'test', text: '<b>hi</b>' });
    const { alert } = await queued;
    expect(alert.id).toBe(test.body.id);
    const [last] = await suite.db.query<{ ends_at: Date }>(
      `select max(ends_at) as ends_at from bot_alerts where workspace_id = $1 and id <> $2`,
      [suite.owner.workspaceId, test.body.id],
    );
    // Queued after everything before it: never overlapping what is still playing.
    expect(new Date(alert.startsAt).getTime()).toBeGreaterThanOrEqual(new Date(last!.ends_at).getTime());
  });

  it('!timer 1 from a moderator sets the countdown; a viewer is ignored; it rings once', async () => {
    const socket = await overlaySocket();
    const changes: TimerChangedPayload[] = [];
    socket.on('timer.changed', (payload) => changes.push(payload));
    const connection = await inroom();
    const tag = randomUUID().slice(0, 6);

    const { recorded } = await get(ChatPipeline).ingest(connection, [
      event('message', `viewer${tag}`, { text: '!timer 5' }),
    ]);
    // Handled (all stages ran) and still no countdown: a viewer may not start one.
    await until('the viewer line handled', async () => {
      const rows = await suite.db.query<{ processed_at: Date | null }>(
        'select processed_at from chat_events where id = $1',
        [recorded[0]!.id],
      );
      return rows[0]?.processed_at != null;
    });
    expect(
      await suite.db.query('select id from bot_countdowns where workspace_id = $1', [
        suite.owner.workspaceId,
      ]),
    ).toHaveLength(0);

    const started = Date.now();
    await get(ChatPipeline).ingest(connection, [
      { ...event('message', `mod${tag}`, { text: '!timer 1' }), viewer: viewer(`mod${tag}`, ['moderator']) },
    ]);
    await until('the countdown', async () => (await outboxWith('Timer set for 1 minute.')).length === 1);
    const [countdown] = await suite.db.query<{ id: string; ends_at: Date }>(
      'select id, ends_at from bot_countdowns where workspace_id = $1',
      [suite.owner.workspaceId],
    );
    expect(countdown).toBeDefined();
    const endsIn = new Date(countdown!.ends_at).getTime() - started;
    expect(endsIn).toBeGreaterThan(59_000);
    expect(endsIn).toBeLessThan(61_000);
    await eventually(
      () => changes.length,
      (n) => n >= 1,
    );
    expect(changes[0]!.timer?.id).toBe(countdown!.id);
    expect(await outboxWith('Timer set for 1 minute.')).toHaveLength(1);

    // Bad input gets the usage line.
    await get(ChatPipeline).ingest(connection, [
      {
        ...event('message', `mod${tag}`, { text: '!timer 9999' }),
        viewer: viewer(`mod${tag}`, ['moderator']),
      },
    ]);
    await until('the usage line', async () => (await outboxWith('Usage: !timer')).length === 1);

    // The alarm: once due, ringing twice (two replicas, a retried job) queues one timer alert.
    await suite.db.query(`update bot_countdowns set ends_at = now() - interval '1 second' where id = $1`, [
      countdown!.id,
    ]);
    await Promise.all([get(TimerCommand).ring(countdown!.id), get(TimerCommand).ring(countdown!.id)]);
    expect(await alertsOf(['timer'])).toHaveLength(1);
    expect(
      await suite.db.query('select id from bot_countdowns where workspace_id = $1', [
        suite.owner.workspaceId,
      ]),
    ).toHaveLength(0);
    await eventually(
      () => changes.at(-1),
      (last) => last?.timer === null,
    );
  });
});
