import { randomUUID } from 'node:crypto';
import type {
  AnnouncementDto,
  ApiErrorDto,
  RehearsalStatusDto,
  SendChatMessageResponse,
  V1AnnouncementTriggeredDto,
  V1BotListDto,
  V1BotSwitchDto,
} from '@podium/contracts';
import { apiV1 } from './support/api-v1-client';
import { useTestSuite } from './support/test-suite';

/** The chat and bots part of the public API v1 against the real PostgreSQL and Redis. */
describe('Public API v1: chat, bots (PostgreSQL + Redis)', () => {
  const suite = useTestSuite({
    redis: true,
    env: () => ({ API_RATE_LIMIT_PER_TOKEN: '5000', API_RATE_LIMIT_PER_IP: '5000' }),
  });
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const { v1Path, newToken, v1 } = apiV1(suite);

  /** The workspace's rehearsal connection (created on first look), a chat that is always there. */
  async function rehearsalConnection(): Promise<string> {
    const status = await suite.owner.client.get<RehearsalStatusDto>(`${ws()}/rehearsal`);
    expect(status.status).toBe(200);
    return status.body.connectionId;
  }

  const outboxWith = (text: string) =>
    suite.db.query<{ connection_id: string; text: string }>(
      `SELECT connection_id, text FROM chat_outbox WHERE text = $1 ORDER BY seq`,
      [text],
    );

  it('sends a chat message to the rehearsal connection, to one platform or to all', async () => {
    const token = await newToken(['chat:send']);
    const rehearsal = await rehearsalConnection();
    const text = `API says hello ${randomUUID().slice(0, 8)}`;
    const sent = await v1<SendChatMessageResponse>(token.token, 'POST', v1Path('/chat/messages'), {
      text,
      platform: 'rehearsal',
    });
    expect(sent.status).toBe(202);
    expect(sent.body.queued).toEqual([
      expect.objectContaining({ connectionId: rehearsal, platform: 'rehearsal', text }),
    ]);
    expect(await outboxWith(text)).toEqual([{ connection_id: rehearsal, text }]);

    const toAll = `Everyone ${randomUUID().slice(0, 8)}`;
    const everywhere = await v1<SendChatMessageResponse>(token.token, 'POST', v1Path('/chat/messages'), {
      text: toAll,
    });
    expect(everywhere.status).toBe(202);
    expect((await outboxWith(toAll)).map((row) => row.connection_id)).toContain(rehearsal);

    const nowhere = await v1<ApiErrorDto>(token.token, 'POST', v1Path('/chat/messages'), {
      text: 'lost',
      platform: 'owncast',
    });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.code).toBe('chat.connection_not_found');
    const empty = await v1<ApiErrorDto>(token.token, 'POST', v1Path('/chat/messages'), { text: ' ' });
    expect(empty.status).toBe(400);
    expect(await outboxWith('lost')).toHaveLength(0);
  });

  it('triggers an announcement once per call (and once per Idempotency-Key), rotating its messages', async () => {
    const token = await newToken(['bots:write']);
    const rehearsal = await rehearsalConnection();
    const tag = randomUUID().slice(0, 8);
    const created = await suite.owner.client.post<AnnouncementDto>(`${ws()}/bots/announcements`, {
      name: `Reminder ${tag}`,
      messages: [`First ${tag}`, `Second ${tag}`],
      intervalMinutes: 600,
      liveOnly: true,
      enabled: false,
    });
    expect(created.status).toBe(201);
    const path = v1Path(`/bots/announcements/${created.body.id}/trigger`);

    const key = randomUUID();
    const results = await Promise.all([
      v1<V1AnnouncementTriggeredDto>(token.token, 'POST', path, undefined, { 'Idempotency-Key': key }),
      v1<V1AnnouncementTriggeredDto>(token.token, 'POST', path, undefined, { 'Idempotency-Key': key }),
    ]);
    const retried = await v1<V1AnnouncementTriggeredDto>(token.token, 'POST', path, undefined, {
      'Idempotency-Key': key,
    });
    for (const result of [...results, retried]) {
      expect(result.status).toBe(200);
      expect(result.body.text).toBe(`First ${tag}`);
    }
    expect(await outboxWith(`First ${tag}`)).toEqual([{ connection_id: rehearsal, text: `First ${tag}` }]);

    const next = await v1<V1AnnouncementTriggeredDto>(token.token, 'POST', path);
    expect(next.body.text).toBe(`Second ${tag}`);
    expect(await outboxWith(`Second ${tag}`)).toHaveLength(1);
    expect(await outboxWith(`First ${tag}`)).toHaveLength(1);

    const missing = await v1<ApiErrorDto>(
      token.token,
      'POST',
      v1Path(`/bots/announcements/${randomUUID()}/trigger`),
    );
    expect(missing.status).toBe(404);
  });

  it('switches bots on and off and lists them', async () => {
    const token = await newToken(['bots:write']);
    const command = await suite.owner.client.post<{ id: string }>(`${ws()}/bots/commands`, {
      name: `cmd${randomUUID().slice(0, 6)}`,
      responses: ['Hello there'],
    });
    expect(command.status).toBe(201);
    const off = await v1<V1BotSwitchDto>(
      token.token,
      'POST',
      v1Path(`/bots/commands/${command.body.id}/disable`),
    );
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ kind: 'command', id: command.body.id, enabled: false });
    const listed = await v1<V1BotListDto>(token.token, 'GET', v1Path('/bots'));
    expect(listed.body.bots.find((b) => b.id === command.body.id)).toMatchObject({ enabled: false });
    const on = await v1<V1BotSwitchDto>(
      token.token,
      'POST',
      v1Path(`/bots/commands/${command.body.id}/enable`),
    );
    expect(on.body.enabled).toBe(true);

    const wrongKind = await v1<ApiErrorDto>(
      token.token,
      'POST',
      v1Path(`/bots/revolutions/${command.body.id}/enable`),
    );
    expect(wrongKind.status).toBe(404);
    const badKind = await v1<ApiErrorDto>(
      token.token,
      'POST',
      v1Path(`/bots/widgets/${command.body.id}/enable`),
    );
    expect(badKind.status).toBe(400);
  });
});
