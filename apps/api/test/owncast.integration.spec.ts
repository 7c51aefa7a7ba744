import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiErrorDto, ChatEvent, ChatLogDto, ConnectionDto, ViewerDto } from '@podium/contracts';
import { FakeOwncast, goJson, owncastSignatureHeader, postOwncastWebhook } from '@podium/fakes';
import { newMember } from './support/factories';
import { useTestSuite } from './support/test-suite';

const TOKEN = 'Xq9_fixture-owncast-access-token-5uQ2n0sV8kYtRz3wLbM1=';
const SECRET = 'whsec-owncast-fixture-3Kd8Qm';
const WEBHOOKS = join(__dirname, 'fixtures/owncast/webhooks');

interface OwncastBody {
  type: string;
  eventData: Record<string, unknown>;
}

function fixture(name: string): OwncastBody {
  return (JSON.parse(readFileSync(join(WEBHOOKS, `${name}.json`), 'utf8')) as { body: OwncastBody }).body;
}

/** The fixture as a new event: a fresh Owncast id, so tests do not see each other's deliveries. */
function fresh(name: string): OwncastBody {
  const body = fixture(name);
  return { ...body, eventData: { ...body.eventData, id: `t-${randomUUID().slice(0, 12)}` } };
}

describe('Owncast: connecting and webhooks in (PostgreSQL)', () => {
  const suite = useTestSuite({ redis: true });
  const fakes: FakeOwncast[] = [];
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;

  afterAll(async () => {
    await Promise.all(fakes.map((fake) => fake.close()));
  });

  async function newFake(): Promise<FakeOwncast> {
    const fake = await FakeOwncast.start({ accessToken: TOKEN });
    fakes.push(fake);
    return fake;
  }

  async function connect(fake: FakeOwncast, webhookSecret?: string): Promise<ConnectionDto> {
    const result = await suite.owner.client.post<ConnectionDto>(`${ws()}/connections/owncast`, {
      instanceUrl: `${fake.url}/`,
      accessToken: TOKEN,
      ...(webhookSecret ? { webhookSecret } : {}),
    });
    if (result.status !== 201)
      throw new Error(`connect failed: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  /** Podium's own address for the webhook URL the connection shows (that one names PUBLIC_URL or localhost). */
  const hookUrl = (connection: ConnectionDto) =>
    `${suite.app.baseUrl}${new URL(connection.webhookUrl!).pathname}`;

  async function owncastEvents(): Promise<ChatEvent[]> {
    const log = await suite.owner.client.get<ChatLogDto>(`${ws()}/chat/events?platform=owncast&limit=200`);
    expect(log.status).toBe(200);
    return log.body.events;
  }

  async function rowsWithExternalId(externalId: string): Promise<number> {
    const rows = await suite.db.query('select id from chat_events where external_id = $1', [externalId]);
    return rows.length;
  }

  let signed: { fake: FakeOwncast; connection: ConnectionDto };
  let unsigned: { fake: FakeOwncast; connection: ConnectionDto };

  describe('connecting', () => {
    it('checks the token against the instance, stores it sealed and shows the webhook URL to paste', async () => {
      const fake = await newFake();
      const connection = await connect(fake, SECRET);
      expect(connection).toMatchObject({
        platform: 'owncast',
        status: 'connected',
        accountName: fake.url,
        transport: 'webhook',
        webhookUrl: expect.stringMatching(/^http:\/\/localhost:\d+\/api\/integrations\/owncast\/[\w-]{32}$/),
      });
      expect(fake.requests).toEqual([
        expect.objectContaining({
          method: 'GET',
          path: '/api/integrations/clients',
          authorization: `Bearer ${TOKEN}`,
        }),
      ]);
      const [row] = await suite.db.query<{ credentials: string; account_id: string }>(
        'select credentials, account_id from platform_connections where id = $1',
        [connection.id],
      );
      expect(row!.account_id).toBe(fake.url);
      expect(row!.credentials).not.toContain(TOKEN);
      expect(row!.credentials).not.toContain(SECRET);
      signed = { fake, connection };
    });

    it('connects a second instance without a webhook secret (Owncast before 0.3.0)', async () => {
      const fake = await newFake();
      unsigned = { fake, connection: await connect(fake) };
      expect(unsigned.connection.webhookUrl).not.toBe(signed.connection.webhookUrl);
    });

    it('connecting the same instance again keeps one connection and its webhook URL', async () => {
      const again = await connect(signed.fake, SECRET);
      expect(again.id).toBe(signed.connection.id);
      expect(again.webhookUrl).toBe(signed.connection.webhookUrl);
    });

    it('refuses a bad token with a clear 400, storing nothing', async () => {
      const fake = await newFake();
      const result = await suite.owner.client.post<ApiErrorDto>(`${ws()}/connections/owncast`, {
        instanceUrl: fake.url,
        accessToken: 'not-a-valid-token',
      });
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ code: 'chat.platform_rejected', field: 'instanceUrl' });
      expect(result.body.message).toMatch(/Owncast refused the access token/);
      expect(
        await suite.db.query('select id from platform_connections where account_id = $1', [fake.url]),
      ).toEqual([]);
    });

    it('refuses an instance that does not answer with a clear 400, storing nothing', async () => {
      const nowhere = await FakeOwncast.unreachableUrl();
      const result = await suite.owner.client.post<ApiErrorDto>(`${ws()}/connections/owncast`, {
        instanceUrl: nowhere,
        accessToken: TOKEN,
      });
      expect(result.status).toBe(400);
      expect(result.body.message).toMatch(
        /^Could not reach Owncast at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/,
      );
      expect(
        await suite.db.query('select id from platform_connections where account_id = $1', [nowhere]),
      ).toEqual([]);
    });

    it('validates the form and leaves connecting to owners', async () => {
      const bad = await suite.owner.client.post<ApiErrorDto>(`${ws()}/connections/owncast`, {
        instanceUrl: 'ftp://live.example.org',
        accessToken: TOKEN,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.field).toBe('instanceUrl');
      const moderator = await newMember(suite.owner.client, suite.owner.workspaceId, 'moderator');
      const forbidden = await moderator.client.post<ApiErrorDto>(`${ws()}/connections/owncast`, {
        instanceUrl: signed.fake.url,
        accessToken: TOKEN,
      });
      expect(forbidden.status).toBe(403);
    });
  });

  describe('webhooks', () => {
    it('turns every documented webhook, signed like Owncast 0.3.0, into one normalized event', async () => {
      const names = [
        'STREAM_STARTED',
        'USER_JOINED',
        'CHAT',
        'CHAT_moderator_emoji',
        'NAME_CHANGE',
        'VISIBILITY-UPDATE',
        'STREAM_TITLE_UPDATED',
        'FEDIVERSE_ENGAGEMENT_FOLLOW',
        'USER_PARTED',
        'STREAM_STOPPED',
      ];
      for (const name of names) {
        const response = await postOwncastWebhook(hookUrl(signed.connection), fixture(name), {
          secret: SECRET,
        });
        expect({ name, status: response.status, body: response.body }).toEqual({
          name,
          status: 200,
          body: { status: 'recorded', eventId: expect.any(String) },
        });
      }
      const events = (await owncastEvents()).filter((event) => event.connectionId === signed.connection.id);
      expect(events.map((event) => [event.kind, event.externalId])).toEqual([
        ['stream_online', 'Vn4eJ6arS'],
        ['join', 'Yb2sW9dpS'],
        ['message', 'Hc6v2pTnR'],
        ['message', 'Rk8wE2qzS'],
        ['rename', 'Rf5kN0xqR'],
        ['stream_updated', 'Vz5hQ1wnR'],
        ['stream_updated', 'Tw3kR8mdS'],
        ['follow', 'Fo8nC4ueR'],
        ['part', 'Pq7dT3xkS'],
        ['stream_offline', 'Gm9pB1xwR'],
      ]);
      const byId = new Map(events.map((event) => [event.externalId, event]));
      expect(byId.get('Hc6v2pTnR')).toMatchObject({
        platform: 'owncast',
        workspaceId: suite.owner.workspaceId,
        viewer: { platform: 'owncast', platformUserId: 'Kp3xQw7vR', displayName: 'PixelMoth', roles: [] },
        viewerId: expect.any(String),
        text: '!points',
        fragments: [{ type: 'text', text: '!points' }],
        occurredAt: '2026-03-14T19:02:11.306Z',
      });
      // Go sent the emoji's <img> as \u003cimg: the signature held and the text is what was typed.
      expect(byId.get('Rk8wE2qzS')).toMatchObject({
        viewer: { roles: ['moderator'] },
        text: expect.stringContaining('lovely & bright <img class="emoji" alt=":beerparrot:"'),
      });
      expect(byId.get('Rf5kN0xqR')).toMatchObject({
        viewer: { displayName: 'MothOfTheLamp' },
        detail: { previousName: 'PixelMoth' },
      });
      expect(byId.get('Vz5hQ1wnR')).toMatchObject({
        detail: { change: 'message_visibility', visible: false, messageIds: 'Hc6v2pTnR,Mx2aB7koS' },
      });
      expect(byId.get('Vz5hQ1wnR')!.viewer).toBeUndefined();
      expect(byId.get('Tw3kR8mdS')).toMatchObject({
        detail: { change: 'title', title: 'Lighthouse builds, night 12: the lens' },
      });
      expect(byId.get('Fo8nC4ueR')).toMatchObject({
        viewer: { platformUserId: 'harbourlight@social.example.net', displayName: 'Harbour Light' },
      });
      // The rename reached the viewer row: one viewer, under the new name.
      const viewers = await suite.owner.client.get<ViewerDto[]>(`${ws()}/viewers?search=Moth`);
      expect(viewers.body.filter((viewer) => viewer.platformUserId === 'Kp3xQw7vR')).toEqual([
        expect.objectContaining({ platform: 'owncast', displayName: 'MothOfTheLamp' }),
      ]);
      const connection = await suite.owner.client.get<ConnectionDto>(
        `${ws()}/connections/${signed.connection.id}`,
      );
      expect(connection.body.lastEventAt).not.toBeNull();
    });

    it('records the same delivery twice as one event', async () => {
      const body = fresh('CHAT');
      const first = await postOwncastWebhook(hookUrl(signed.connection), body, { secret: SECRET });
      const second = await postOwncastWebhook(hookUrl(signed.connection), body, { secret: SECRET });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body).toEqual({ status: 'duplicate' });
      expect(await rowsWithExternalId(body.eventData['id'] as string)).toBe(1);
    });

    const now = () => Math.floor(Date.now() / 1000);
    it.each([
      ['a forged signature (another secret)', () => ({ secret: 'not-the-secret' })],
      ['a stale timestamp (> 5 min)', () => ({ secret: SECRET, signedAt: now() - 305 })],
      ['a timestamp from the future (> 5 min)', () => ({ secret: SECRET, signedAt: now() + 305 })],
      ['no signature (unsigned, as before 0.3.0)', () => ({})],
      ['a malformed signature header', () => ({ signatureHeader: 'sha256=abc' })],
    ])('refuses %s with 403 and stores nothing', async (_name, delivery) => {
      const body = fresh('CHAT');
      const response = await postOwncastWebhook(hookUrl(signed.connection), body, delivery());
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        code: 'chat.webhook_rejected',
        message: expect.stringMatching(/^Owncast webhook refused: /),
      });
      expect(await rowsWithExternalId(body.eventData['id'] as string)).toBe(0);
    });

    it('accepts a signature just inside the 5-minute window', async () => {
      const body = fresh('CHAT');
      const response = await postOwncastWebhook(hookUrl(signed.connection), body, {
        secret: SECRET,
        signedAt: now() - 290,
      });
      expect(response.status).toBe(200);
      expect(await rowsWithExternalId(body.eventData['id'] as string)).toBe(1);
    });

    it('refuses a body changed after signing', async () => {
      const body = fresh('CHAT');
      const signedBytes = goJson(body);
      const header = owncastSignatureHeader(SECRET, Math.floor(Date.now() / 1000), signedBytes);
      const tampered = signedBytes.replace('!points', '!give 1000000');
      const response = await postOwncastWebhook(hookUrl(signed.connection), undefined, {
        rawBody: tampered,
        signatureHeader: header,
      });
      expect(response.status).toBe(403);
      expect(await rowsWithExternalId(body.eventData['id'] as string)).toBe(0);
      const genuine = await postOwncastWebhook(hookUrl(signed.connection), undefined, {
        rawBody: signedBytes,
        signatureHeader: header,
      });
      expect(genuine.status).toBe(200);
    });

    it('refuses a malformed body with 400 and a huge one with 413, storing nothing', async () => {
      const before = (await owncastEvents()).length;
      const notJson = await postOwncastWebhook(hookUrl(unsigned.connection), undefined, {
        rawBody: '{"type":"CHAT",',
      });
      expect(notJson.status).toBe(400);
      const chat = fresh('CHAT');
      const noUser = { ...chat, eventData: { ...chat.eventData, user: undefined } };
      const notOwncast = await postOwncastWebhook(hookUrl(unsigned.connection), noUser);
      expect(notOwncast.status).toBe(400);
      expect(notOwncast.body).toMatchObject({
        code: 'chat.webhook_malformed',
        message: expect.stringContaining('eventData.user'),
      });
      const huge = fresh('CHAT');
      huge.eventData['rawBody'] = 'x'.repeat(300 * 1024);
      const notJsonType = await fetch(hookUrl(unsigned.connection), {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: goJson(chat),
      });
      expect(notJsonType.status).toBe(400);
      expect(await notJsonType.json()).toMatchObject({ code: 'chat.webhook_malformed' });
      const tooBig = await postOwncastWebhook(hookUrl(unsigned.connection), huge);
      expect(tooBig.status).toBe(413);
      const signedHuge = await postOwncastWebhook(hookUrl(signed.connection), huge, { secret: SECRET });
      expect(signedHuge.status).toBe(413);
      expect((await owncastEvents()).length).toBe(before);
      expect(await rowsWithExternalId(chat.eventData['id'] as string)).toBe(0);
    });

    it('accepts unsigned deliveries only where no webhook secret is configured', async () => {
      const body = fresh('USER_JOINED');
      const accepted = await postOwncastWebhook(hookUrl(unsigned.connection), body);
      expect(accepted.status).toBe(200);
      const refused = await postOwncastWebhook(hookUrl(signed.connection), fresh('USER_JOINED'));
      expect(refused.status).toBe(403);
      const events = await owncastEvents();
      expect(events.filter((event) => event.externalId === body.eventData['id'])).toEqual([
        expect.objectContaining({ kind: 'join', connectionId: unsigned.connection.id }),
      ]);
    });

    it('answers 404 to an unknown webhook key and 202 to event types it does not record', async () => {
      const unknown = await postOwncastWebhook(
        `${suite.app.baseUrl}/api/integrations/owncast/${'A'.repeat(32)}`,
        fresh('CHAT'),
      );
      expect(unknown.status).toBe(404);
      expect(
        (await postOwncastWebhook(`${suite.app.baseUrl}/api/integrations/owncast/x`, fresh('CHAT'))).status,
      ).toBe(404);
      const before = (await owncastEvents()).length;
      const like = await postOwncastWebhook(
        hookUrl(signed.connection),
        { type: 'FEDIVERSE_ENGAGEMENT_LIKE', eventData: { id: 'L1', name: 'x', username: 'x@y' } },
        { secret: SECRET },
      );
      expect(like).toMatchObject({
        status: 202,
        body: { status: 'ignored', type: 'FEDIVERSE_ENGAGEMENT_LIKE' },
      });
      expect((await owncastEvents()).length).toBe(before);
    });
  });
});
