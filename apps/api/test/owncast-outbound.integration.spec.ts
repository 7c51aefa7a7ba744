import type { ConnectionDto, SendChatMessageResponse } from '@podium/contracts';
import { FakeOwncast } from '@podium/fakes';
import { ChatException } from '../src/modules/chat/chat.exception';
import { ConnectionsService } from '../src/modules/chat/connections/connections.service';
import { OwncastAdapter } from '../src/modules/integrations/owncast/owncast.adapter';
import { eventually } from './support/live';
import { useTestSuite } from './support/test-suite';

const TOKEN = 'Xq9_fixture-owncast-access-token-5uQ2n0sV8kYtRz3wLbM1=';

describe('Owncast: sending through the integrations API, and presence (PostgreSQL)', () => {
  const suite = useTestSuite({ redis: true });
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  let signed: { fake: FakeOwncast; connection: ConnectionDto };
  let unsigned: { fake: FakeOwncast; connection: ConnectionDto };

  async function connected(
    webhookSecret?: string,
  ): Promise<{ fake: FakeOwncast; connection: ConnectionDto }> {
    const fake = await FakeOwncast.start({ accessToken: TOKEN });
    const result = await suite.owner.client.post<ConnectionDto>(`${ws()}/connections/owncast`, {
      instanceUrl: fake.url,
      accessToken: TOKEN,
      ...(webhookSecret ? { webhookSecret } : {}),
    });
    if (result.status !== 201)
      throw new Error(`connect failed: ${result.status} ${JSON.stringify(result.body)}`);
    return { fake, connection: result.body };
  }

  beforeAll(async () => {
    signed = await connected('whsec-owncast-fixture-3Kd8Qm');
    unsigned = await connected();
  });
  afterAll(async () => {
    await Promise.all([signed?.fake.close(), unsigned?.fake.close()]);
  });

  const outboxRow = async (id: string) =>
    (
      await suite.db.query<{ status: string; detail: string | null }>(
        'select status, detail from chat_outbox where id = $1',
        [id],
      )
    )[0];

  /** Polls the outbox row until it reaches a final status (sent, dropped, failed). */
  async function settled(id: string, ms = 15_000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const row = await outboxRow(id);
      if (row && ['sent', 'dropped', 'failed'].includes(row.status)) return row;
      if (Date.now() > deadline) throw new Error(`outbox ${id} still ${row?.status} after ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('sends "as bot" through the integrations API, split to 500 characters', async () => {
    const long = `${'word '.repeat(150)}end`;
    const result = await suite.owner.client.post<SendChatMessageResponse>(`${ws()}/chat/messages`, {
      text: long,
      connectionIds: [signed.connection.id],
    });
    expect(result.status).toBe(202);
    expect(result.body.queued).toHaveLength(2);
    await eventually(
      () => signed.fake.messages('send'),
      (sent) => sent.length === 2,
      10_000,
    );
    const sent = signed.fake.messages('send');
    expect(sent.every((part) => part.length <= 500)).toBe(true);
    expect(sent.join(' ')).toBe(long.replace(/\s+/g, ' '));
    const request = signed.fake.requests.find((r) => r.path === '/api/integrations/chat/send')!;
    expect(request).toMatchObject({ authorization: `Bearer ${TOKEN}`, contentType: 'application/json' });
    for (const queued of result.body.queued)
      expect(await settled(queued.id)).toEqual({ status: 'sent', detail: null });
  });

  it('retries when the instance is briefly down, then delivers', async () => {
    unsigned.fake.failNext(503);
    const result = await suite.owner.client.post<SendChatMessageResponse>(`${ws()}/chat/messages`, {
      text: 'Back in a moment',
      connectionIds: [unsigned.connection.id],
    });
    expect(await settled(result.body.queued[0]!.id)).toMatchObject({ status: 'sent' });
    const attempts = unsigned.fake.requests.filter((r) => r.path === '/api/integrations/chat/send');
    expect(attempts.map((r) => r.status)).toEqual([503, 200]);
    expect(unsigned.fake.messages('send')).toEqual(['Back in a moment']);
  });

  it('sends system messages and actions, and lists who is in the chat', async () => {
    const adapter = suite.app.podium.app.get(OwncastAdapter);
    const connection = (await suite.app.podium.app.get(ConnectionsService).record(signed.connection.id))!;
    expect(await adapter.sendSystemMessage(connection, 'Stream starts in 5 minutes.')).toEqual({
      status: 'sent',
    });
    expect(await adapter.sendAction(connection, 'PixelMoth redeemed *Song request*')).toEqual({
      status: 'sent',
    });
    expect(signed.fake.messages('system')).toEqual(['Stream starts in 5 minutes.']);
    expect(signed.fake.messages('action')).toEqual(['PixelMoth redeemed *Song request*']);
    const present = await adapter.connectedViewers(connection);
    expect(
      present.map((entry) => [entry.viewer.platformUserId, entry.viewer.displayName, entry.messageCount]),
    ).toEqual([
      ['Kp3xQw7vR', 'PixelMoth', 3],
      ['Zt8mLq2cS', 'QuietFern', 0],
    ]);
  });

  it('a refused token drops the message and marks the connection as needing attention', async () => {
    signed.fake.accessToken = 'rotated-in-owncast-admin';
    const result = await suite.owner.client.post<SendChatMessageResponse>(`${ws()}/chat/messages`, {
      text: 'Anyone there?',
      connectionIds: [signed.connection.id],
    });
    expect(await settled(result.body.queued[0]!.id)).toEqual({
      status: 'dropped',
      detail: expect.stringMatching(/^Owncast refused the access token/),
    });
    expect(signed.fake.messages('send')).not.toContain('Anyone there?');
    const connection = await suite.owner.client.get<ConnectionDto>(
      `${ws()}/connections/${signed.connection.id}`,
    );
    expect(connection.body).toMatchObject({
      status: 'needs_attention',
      statusDetail: expect.stringMatching(/access token/),
    });
    const adapter = suite.app.podium.app.get(OwncastAdapter);
    const record = (await suite.app.podium.app.get(ConnectionsService).record(signed.connection.id))!;
    await expect(adapter.connectedViewers(record)).rejects.toMatchObject({
      code: 'chat.platform_rejected',
    });
    signed.fake.accessToken = TOKEN;
    expect(await adapter.sendSystemMessage(record, 'Back.')).toEqual({ status: 'sent' });
    const healed = await suite.owner.client.get<ConnectionDto>(`${ws()}/connections/${signed.connection.id}`);
    expect(healed.body.status).toBe('connected');
  });

  it('says so when the instance cannot be reached for presence', async () => {
    const adapter = suite.app.podium.app.get(OwncastAdapter);
    const record = (await suite.app.podium.app.get(ConnectionsService).record(unsigned.connection.id))!;
    const gone = { ...record, accountId: await FakeOwncast.unreachableUrl() };
    const error = await adapter.connectedViewers(gone).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChatException);
    expect(error).toMatchObject({
      code: 'chat.platform_unreachable',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
