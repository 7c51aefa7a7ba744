import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  ChatEvent,
  ChatLogDto,
  ConnectionDto,
  InroomChatMessageDto,
  ViewerDto,
} from '@podium/contracts';
import { DomainEvents } from '../src/common/events/domain-events';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { ChatPipeline } from '../src/modules/chat/events/chat-pipeline';
import { newMeeting, newQuestionInput } from './support/factories';
import { failed, ok, record, request, until } from './support/live-harness';
import { eventually } from './support/live';
import { connectSocket, nextEvent, type TestSocket } from './support/sockets';
import { useTestSuite } from './support/test-suite';

describe('chat pipeline, viewers, outbox and in-room chat (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const pipeline = () => suite.app.podium.app.get(ChatPipeline);
  const inroom = () => suite.app.podium.app.get(ConnectionsService).ensureInroom(suite.owner.workspaceId);

  async function organizerSocket(): Promise<TestSocket> {
    const { socket } = await connectSocket(suite.app.baseUrl, { cookie: suite.owner.client.cookie });
    suite.sockets.push(socket);
    return socket;
  }

  const message = (externalId: string, userId: string, displayName: string, text: string) => ({
    kind: 'message' as const,
    externalId,
    viewer: { platform: 'inroom' as const, platformUserId: userId, displayName, roles: [] },
    text,
    fragments: [{ type: 'text' as const, text }],
    occurredAt: new Date().toISOString(),
  });

  it('lists the in-room chat as a connection of every workspace', async () => {
    const list = await suite.owner.client.get<ConnectionDto[]>(`${ws()}/connections`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ platform: 'inroom', status: 'connected', transport: 'socket' }),
    ]);
    const del = await suite.owner.client.delete<ApiErrorDto>(`${ws()}/connections/${list.body[0]!.id}`);
    expect(del.status).toBe(400);
  });

  it('records an event once however many times it is delivered, even concurrently', async () => {
    const connection = await inroom();
    const input = message(`dup-${randomUUID()}`, 'u-dup', 'Dup', 'same line');
    const results = await Promise.all(
      Array.from({ length: 12 }, () => pipeline().ingest(connection, [input])),
    );
    expect(results.reduce((sum, result) => sum + result.recorded.length, 0)).toBe(1);
    expect(results.reduce((sum, result) => sum + result.duplicates, 0)).toBe(11);
    const rows = await suite.db.query('select id from chat_events where external_id = $1', [
      input.externalId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('pushes a burst of recorded events to organizers in a few pushes, each event once, in order', async () => {
    const socket = await organizerSocket();
    const pushes = record(socket, 'chat.events');
    const connection = await inroom();
    const tag = randomUUID().slice(0, 8);
    const burst = Array.from({ length: 40 }, (_, n) =>
      message(`${tag}-${n}`, `u-${tag}`, 'Ada', `${n} ${tag}`),
    );
    await pipeline().ingest(connection, burst);
    const mine = () =>
      pushes.flatMap((push) => push.events.filter((e) => e.text?.endsWith(tag)).map((e) => e.text));
    await until('the burst pushed', () => mine().length >= burst.length);
    expect(mine()).toEqual(burst.map((line) => line.text));
    expect(pushes.length).toBeLessThan(burst.length / 4);
  });

  it('pushes recorded events to organizers and serves them in order in the merged log', async () => {
    const socket = await organizerSocket();
    const pushed: ChatEvent[] = [];
    socket.on('chat.events', ({ workspaceId, events }) => {
      expect(workspaceId).toBe(suite.owner.workspaceId);
      pushed.push(...events);
    });
    const connection = await inroom();
    const tag = randomUUID().slice(0, 8);
    for (const n of [1, 2, 3]) {
      await pipeline().ingest(connection, [message(`${tag}-${n}`, `u-${tag}`, 'Ada', `line ${n} ${tag}`)]);
    }
    await eventually(
      () => pushed.filter((e) => e.text?.endsWith(tag)).length,
      (n) => n === 3,
    );
    const log = await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?platform=inroom&limit=200`);
    const mine = log.body.events.filter((event) => event.text?.endsWith(tag));
    expect(mine.map((event) => event.text)).toEqual([`line 1 ${tag}`, `line 2 ${tag}`, `line 3 ${tag}`]);
    expect(mine[0]).toMatchObject({ platform: 'inroom', kind: 'message', connectionId: connection.id });
    const bad = await suite.owner.client.get<ApiErrorDto>(`${ws()}/chat/events?limit=5000`);
    expect(bad.status).toBe(400);
  });

  it('records a batch with its viewers in one go: a viewer seen twice keeps the later name', async () => {
    const connection = await inroom();
    const tag = randomUUID().slice(0, 8);
    const later = new Date(Date.now() + 1000).toISOString();
    const { recorded } = await pipeline().ingest(connection, [
      message(`${tag}-1`, `c-${tag}`, `First${tag}`, 'one'),
      { ...message(`${tag}-2`, `c-${tag}`, `Second${tag}`, 'two'), occurredAt: later },
      message(`${tag}-3`, `d-${tag}`, `Other${tag}`, 'three'),
    ]);
    expect(recorded.map((event) => event.text)).toEqual(['one', 'two', 'three']);
    const [one, two, three] = recorded;
    expect(one!.viewerId).toBeDefined();
    expect(two!.viewerId).toBe(one!.viewerId);
    expect(three!.viewerId).not.toBe(one!.viewerId);
    const found = await suite.owner.client.get<ViewerDto[]>(`${ws()}/viewers?search=${tag}`);
    expect(found.body.find((viewer) => viewer.id === one!.viewerId)?.displayName).toBe(`Second${tag}`);
    // The stored event carries its viewer in the column and the payload alike, in arrival order.
    const rows = await suite.db.query<{ viewer_id: string; payload: ChatEvent }>(
      'select viewer_id, payload from chat_events where external_id = any($1) order by seq',
      [[`${tag}-1`, `${tag}-2`, `${tag}-3`]],
    );
    expect(rows.map((row) => row.payload.text)).toEqual(['one', 'two', 'three']);
    expect(rows.map((row) => row.payload.viewerId)).toEqual(rows.map((row) => row.viewer_id));
  });

  it('keeps display names current and merges identities with their history', async () => {
    const connection = await inroom();
    const tag = randomUUID().slice(0, 8);
    await pipeline().ingest(connection, [message(`${tag}-a`, `a-${tag}`, `Old${tag}`, 'hi')]);
    await pipeline().ingest(connection, [message(`${tag}-b`, `a-${tag}`, `New${tag}`, 'renamed')]);
    await pipeline().ingest(connection, [message(`${tag}-c`, `b-${tag}`, `Other${tag}`, 'me too')]);
    const found = await suite.owner.client.get<ViewerDto[]>(`${ws()}/viewers?search=${tag}`);
    const first = found.body.find((viewer) => viewer.platformUserId === `a-${tag}`)!;
    const second = found.body.find((viewer) => viewer.platformUserId === `b-${tag}`)!;
    expect(first.displayName).toBe(`New${tag}`);

    const merged = await suite.owner.client.post<ViewerDto>(`${ws()}/viewers/merge`, {
      sourceViewerId: second.id,
      targetViewerId: first.id,
    });
    expect(merged.status).toBe(200);
    const again = await suite.owner.client.post<ViewerDto>(`${ws()}/viewers/merge`, {
      sourceViewerId: second.id,
      targetViewerId: first.id,
    });
    expect(again.status).toBe(200);
    const history = await suite.db.query<{ viewer_id: string }>(
      'select viewer_id from chat_events where external_id = any($1)',
      [[`${tag}-a`, `${tag}-b`, `${tag}-c`]],
    );
    expect(new Set(history.map((row) => row.viewer_id))).toEqual(new Set([first.id]));
    // A later line from the merged identity lands on the target too.
    const { recorded } = await pipeline().ingest(connection, [
      message(`${tag}-d`, `b-${tag}`, 'Other', 'later'),
    ]);
    expect(recorded[0]!.viewerId).toBe(first.id);

    const self = await suite.owner.client.post<ApiErrorDto>(`${ws()}/viewers/merge`, {
      sourceViewerId: first.id,
      targetViewerId: first.id,
    });
    expect(self.status).toBe(400);
    const unknown = await suite.owner.client.post<ApiErrorDto>(`${ws()}/viewers/merge`, {
      sourceViewerId: randomUUID(),
      targetViewerId: first.id,
    });
    expect(unknown.status).toBe(404);
  });

  it('retries an event from its record when a handler fails after the ack', async () => {
    const events = suite.app.podium.app.get(DomainEvents);
    const tag = `retry-${randomUUID()}`;
    let calls = 0;
    const off = events.on('chat.messageReceived', ({ event }) => {
      if (event.externalId !== tag) return;
      calls += 1;
      if (calls === 1) throw new Error('handler down');
    });
    try {
      const connection = await inroom();
      await pipeline().ingest(connection, [message(tag, 'u-retry', 'Retry', 'try me')]);
      const read = async () =>
        (
          await suite.db.query<{ processed_at: Date | null; attempts: number; last_error: string | null }>(
            'select processed_at, attempts, last_error from chat_events where external_id = $1',
            [tag],
          )
        )[0]!;
      await until('the first, failed attempt', async () => (await read()).last_error !== null);
      expect((await read()).processed_at).toBeNull();
      // The sweep (every 10 s) takes it again once its back-off is over.
      await until('the retry', async () => (await read()).processed_at !== null, 25_000);
      expect(calls).toBe(2);
      expect(await read()).toMatchObject({ attempts: 2, last_error: null });
    } finally {
      off();
    }
  }, 40_000);

  describe('in-room chat', () => {
    it('lets attendees talk, pushes to the room and the organizers, and refuses floods and long lines', async () => {
      const { meeting } = await suite.meetingWith(newQuestionInput('poll'));
      const ada = await suite.live.attendee(meeting, 'Ada');
      const ben = await suite.live.attendee(meeting, 'Ben');
      const organizer = await organizerSocket();
      const seenByBen = nextEvent(ben.socket, 'inroom.message');
      const seenByOrganizer = nextEvent(organizer, 'chat.events').then(({ events }) => events[0]);

      const messageId = randomUUID();
      const sent = ok(await request(ada.socket, 'inroom.send', { text: '  hello room  ', messageId }));
      expect(sent).toMatchObject({
        displayName: 'Ada',
        text: 'hello room',
        fromHost: false,
        meetingId: meeting.id,
      });
      expect(await seenByBen).toMatchObject({ displayName: 'Ada', text: 'hello room' });
      expect(await seenByOrganizer).toMatchObject({
        platform: 'inroom',
        meetingId: meeting.id,
        text: 'hello room',
      });
      // A resend after a lost ack posts nothing new.
      ok(await request(ada.socket, 'inroom.send', { text: 'hello room', messageId }));
      const history = ok(await request(ben.socket, 'inroom.history', { meetingId: meeting.id }));
      expect(history.filter((line: InroomChatMessageDto) => line.text === 'hello room')).toHaveLength(1);

      expect(failed(await request(ada.socket, 'inroom.send', { text: 'x'.repeat(501) })).statusCode).toBe(
        400,
      );
      expect(failed(await request(ada.socket, 'inroom.send', { text: '   ' })).statusCode).toBe(400);
      const other = await newMeeting(suite.owner.client, suite.owner.workspaceId, { title: 'Other' });
      expect(failed(await request(ada.socket, 'inroom.history', { meetingId: other.id })).statusCode).toBe(
        403,
      );
      const results = [];
      for (let n = 0; n < 6; n += 1)
        results.push(await request(ada.socket, 'inroom.send', { text: `spam ${n}` }));
      const refused = results.filter((ack) => !ack.ok);
      // 5 lines per 10 s: two were posted above (a resend counts), so three more pass.
      expect(refused).toHaveLength(3);
      expect(results.slice(0, 3).every((ack) => ack.ok)).toBe(true);
      expect(failed(refused[0]!).statusCode).toBe(429);
    });

    it('sends the host’s message to the running meeting, and drops it when none runs', async () => {
      const connection = await inroom();
      const idle = await suite.owner.client.post<{ queued: { id: string }[] }>(`${ws()}/chat/messages`, {
        text: 'anyone?',
        connectionIds: [connection.id],
      });
      expect(idle.status).toBe(202);
      await until(
        'the message to be dropped',
        async () =>
          (
            await suite.db.query<{ status: string }>('select status from chat_outbox where id = $1', [
              idle.body.queued[0]!.id,
            ])
          )[0]?.status === 'dropped',
      );

      const { meeting } = await suite.meetingWith(newQuestionInput('poll'));
      const organizer = await suite.live.organizer(suite.owner.client.cookie, meeting.id, 'tab-1');
      ok(await suite.live.command(organizer.socket, meeting.id, 'start'));
      const cy = await suite.live.attendee(meeting, 'Cy');
      const heard = nextEvent(cy.socket, 'inroom.message');
      const sent = await suite.owner.client.post(`${ws()}/chat/messages`, { text: 'Welcome, everyone' });
      expect(sent.status).toBe(202);
      expect(await heard).toMatchObject({ text: 'Welcome, everyone', fromHost: true, displayName: 'Host' });

      const unknown = await suite.owner.client.post<ApiErrorDto>(`${ws()}/chat/messages`, {
        text: 'x',
        connectionIds: [randomUUID()],
      });
      expect(unknown.status).toBe(404);
      const empty = await suite.owner.client.post<ApiErrorDto>(`${ws()}/chat/messages`, { text: '  ' });
      expect(empty.status).toBe(400);
    });
  });
});
