import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  ChatEvent,
  ChatLogDto,
  ConnectionDto,
  RehearsalInjectionDto,
  RehearsalStatusDto,
  SendChatMessageResponse,
} from '@podium/contracts';
import { DomainEvents } from '../src/common/events/domain-events';
import { newMember } from './support/factories';
import { until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';

/** Rehearsal mode: fake viewers' events go through the real pipeline on a `rehearsal` connection. */
describe('rehearsal mode (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const log = async () =>
    (await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?platform=rehearsal&limit=200`)).body
      .events;
  const countEvents = async () =>
    Number(
      (
        (await suite.db.query(`select count(*)::int as n from chat_events where platform = 'rehearsal'`)) as {
          n: number;
        }[]
      )[0]!.n,
    );

  it('creates one rehearsal connection on demand, not live until the stream is toggled online', async () => {
    const first = await suite.owner.client.get<RehearsalStatusDto>(`${ws()}/rehearsal`);
    const again = await suite.owner.client.get<RehearsalStatusDto>(`${ws()}/rehearsal`);
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.body.live).toBe(false);
    const connections = await suite.owner.client.get<ConnectionDto[]>(`${ws()}/connections`);
    expect(connections.body.filter((c) => c.platform === 'rehearsal')).toEqual([
      expect.objectContaining({ id: first.body.connectionId, status: 'connected' }),
    ]);

    const online = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
      kind: 'stream_online',
    });
    expect(online.status).toBe(201);
    expect(online.body.status.live).toBe(true);
    const offline = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
      kind: 'stream_offline',
    });
    expect(offline.body.status.live).toBe(false);
  });

  it('records a fake viewer’s message once and shows it in the merged chat log', async () => {
    const eventId = randomUUID();
    const body = {
      kind: 'message',
      viewer: { displayName: 'Pixel Moth', roles: ['subscriber'] },
      text: `hello from rehearsal ${eventId}`,
      eventId,
    };
    const sent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, body);
    expect(sent.status).toBe(201);
    expect(sent.body.events).toHaveLength(1);
    const resent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, body);
    expect(resent.body.events).toHaveLength(0);

    const mine = (await log()).filter((event) => event.text === body.text);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'message',
        platform: 'rehearsal',
        connectionId: sent.body.status.connectionId,
        viewer: expect.objectContaining({
          platform: 'rehearsal',
          platformUserId: 'rehearsal:pixel moth',
          displayName: 'Pixel Moth',
          roles: ['subscriber'],
        }),
      }),
    ]);
    // The same name is the same viewer.
    const later = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
      kind: 'message',
      viewer: { displayName: 'pixel moth' },
      text: 'again',
    });
    expect(later.body.events[0]!.viewerId).toBe(mine[0]!.viewerId);
  });

  it('dispatches a follow as viewer.followed and records its kind in the log', async () => {
    const followed: ChatEvent[] = [];
    const off = suite.app.podium.app.get(DomainEvents).on('viewer.followed', ({ event }) => {
      followed.push(event);
    });
    try {
      const sent = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
        kind: 'follow',
        viewer: { displayName: 'New Fan' },
      });
      expect(sent.status).toBe(201);
      const id = sent.body.events[0]!.id;
      await until('viewer.followed', () => followed.some((event) => event.id === id));
      expect(followed.find((event) => event.id === id)).toMatchObject({
        kind: 'follow',
        platform: 'rehearsal',
        viewer: { displayName: 'New Fan' },
      });
      expect((await log()).find((event) => event.id === id)?.kind).toBe('follow');
      const cheer = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/events`, {
        kind: 'cheer',
        viewer: { displayName: 'New Fan' },
        amounts: { bits: 250 },
      });
      expect(cheer.body.events[0]).toMatchObject({ kind: 'cheer', amounts: { bits: 250 } });
    } finally {
      off();
    }
  });

  it('bursts one line from 30 distinct fake viewers', async () => {
    const text = `!revolution ${randomUUID().slice(0, 6)}`;
    const burst = await suite.owner.client.post<RehearsalInjectionDto>(`${ws()}/rehearsal/burst`, {
      text,
      viewers: 30,
      namePrefix: 'rebel',
    });
    expect(burst.status).toBe(201);
    expect(burst.body.events).toHaveLength(30);
    const lines = (await log()).filter((event) => event.text === text);
    expect(lines).toHaveLength(30);
    expect(new Set(lines.map((event) => event.viewerId)).size).toBe(30);
    const viewers = (await suite.db.query(
      `select count(*)::int as n from viewers where workspace_id = $1 and platform = 'rehearsal' and display_name like 'rebel%'`,
      [suite.owner.workspaceId],
    )) as { n: number }[];
    expect(viewers[0]!.n).toBe(30);
  });

  it.each([
    ['an unknown kind', 'events', { kind: 'hug', viewer: { displayName: 'A' } }, 'kind'],
    [
      'a 10 KB message',
      'events',
      { kind: 'message', viewer: { displayName: 'A' }, text: 'x'.repeat(10_240) },
      'text',
    ],
    ['a follow without a viewer', 'events', { kind: 'follow' }, 'viewer'],
    [
      'an unknown role',
      'events',
      { kind: 'follow', viewer: { displayName: 'A', roles: ['admin'] } },
      'viewer.roles.0',
    ],
    ['a burst of 500 viewers', 'burst', { text: '!rev', viewers: 500 }, 'viewers'],
  ])('refuses %s with a 400 naming the field, recording nothing', async (_name, path, body, field) => {
    const before = await countEvents();
    const result = await suite.owner.client.post<ApiErrorDto>(`${ws()}/rehearsal/${path}`, body);
    expect(result.status).toBe(400);
    expect(result.body.field).toBe(field);
    expect(await countEvents()).toBe(before);
  });

  it('refuses read-only co-hosts', async () => {
    const viewer = await newMember(suite.owner.client, suite.owner.workspaceId, 'viewer');
    const result = await viewer.client.post<ApiErrorDto>(`${ws()}/rehearsal/events`, {
      kind: 'stream_online',
    });
    expect(result.status).toBe(403);
  });

  it('marks what the outbox sends to the rehearsal connection as sent at once', async () => {
    const { connectionId } = (await suite.owner.client.get<RehearsalStatusDto>(`${ws()}/rehearsal`)).body;
    const sent = await suite.owner.client.post<SendChatMessageResponse>(`${ws()}/chat/messages`, {
      text: 'the bot speaks in rehearsal',
      connectionIds: [connectionId],
    });
    expect(sent.status).toBe(202);
    const id = sent.body.queued[0]!.id;
    await until('the rehearsal send', async () => {
      const rows = (await suite.db.query(`select status from chat_outbox where id = $1`, [id])) as {
        status: string;
      }[];
      return rows[0]?.status === 'sent';
    });
  });
});
