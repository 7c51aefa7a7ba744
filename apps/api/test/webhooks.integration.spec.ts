import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWebhookTimestampFresh, parseWebhookSignature } from '@podium/bots';
import type {
  ApiErrorDto,
  CreatedApiTokenDto,
  DiscordWebhookMessage,
  RedeemResultDto,
  RewardDto,
  WebhookDeliveryDto,
  WebhookEventEnvelope,
  WebhookSubscriptionDto,
  WebhookSubscriptionWithSecretDto,
} from '@podium/contracts';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { ok, until } from './support/live-harness';
import { connectSocket, nextEvent } from './support/sockets';
import { type TestSuite, useTestSuite } from './support/test-suite';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP receiver: records every request, answers what `answer` says for its path. */
class Receiver {
  readonly received: Received[] = [];
  private server?: Server;
  private readonly answers = new Map<string, number[]>();
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const queue = this.answers.get(path) ?? [];
        const status = queue.length > 1 ? queue.shift()! : (queue[0] ?? 200);
        response.writeHead(status, { 'content-type': 'text/plain' }).end(`answer ${status}`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Statuses to answer on `path`, in order; the last one repeats. */
  answer(path: string, ...statuses: number[]): void {
    this.answers.set(path, statuses);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** What a receiver does with `Podium-Signature`: recompute the HMAC over "<t>.<raw body>". */
function verify(secret: string, request: Received): boolean {
  const parsed = parseWebhookSignature(request.headers['podium-signature'] as string | undefined);
  if (!parsed || !isWebhookTimestampFresh(parsed.timestampSeconds, Math.floor(Date.now() / 1000)))
    return false;
  const expected = createHmac('sha256', secret)
    .update(`${parsed.timestampSeconds}.${request.body}`)
    .digest('hex');
  return parsed.v1.includes(expected);
}

/** Subscribing, redeeming and waiting for deliveries, for one suite and receiver. */
function webhookHelpers(suite: TestSuite, receiver: Receiver) {
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const client = () => suite.owner.client;
  async function subscribe(path: string, overrides: Record<string, unknown> = {}) {
    const created = await client().post<WebhookSubscriptionWithSecretDto>(`${ws()}/webhooks`, {
      url: `${receiver.url}${path}`,
      eventTypes: ['redeem.created'],
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function redeemSomething(): Promise<string> {
    const [viewer] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, 'ana', 'Ana') RETURNING id`,
      [suite.owner.workspaceId, randomUUID()],
    );
    const ledger = suite.app.podium.app.get(PointsLedger);
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId: viewer!.id,
        amount: 100,
        reason: 'adjust',
      }),
    );
    const reward = await client().post<RewardDto>(`${ws()}/rewards`, {
      name: `r${randomUUID().slice(0, 8)}`,
      type: 'list',
      price: 10,
    });
    expect(reward.status).toBe(201);
    const redeemed = await client().post<RedeemResultDto>(`${ws()}/redeems`, {
      viewerId: viewer!.id,
      rewardId: reward.body.id,
      requestId: randomUUID(),
    });
    expect(redeemed.status).toBe(200);
    if (redeemed.body.outcome === 'refused') throw new Error('redeem refused');
    return redeemed.body.redemption.id;
  }

  const deliveriesOf = async (subscriptionId: string) =>
    (await client().get<WebhookDeliveryDto[]>(`${ws()}/webhooks/deliveries?subscriptionId=${subscriptionId}`))
      .body;

  async function finished(subscriptionId: string, count = 1): Promise<WebhookDeliveryDto[]> {
    let deliveries: WebhookDeliveryDto[] = [];
    await until(
      `${count} finished deliveries`,
      async () => {
        deliveries = await deliveriesOf(subscriptionId);
        return deliveries.length >= count && deliveries.every((d) => d.status !== 'pending');
      },
      15_000,
    );
    return deliveries;
  }

  return { ws, client, subscribe, redeemSomething, deliveriesOf, finished };
}

/** Outbound webhooks against the real PostgreSQL and Redis (BullMQ delivers and retries). */
describe('webhooks (PostgreSQL, Redis)', () => {
  const receiver = new Receiver();
  const suite = useTestSuite({
    redis: true,
    env: () => ({ WEBHOOK_RETRY_DELAYS_MS: '300', WEBHOOK_DISABLE_AFTER: '2', WEBHOOK_TIMEOUT_MS: '3000' }),
  });
  const { ws, client, subscribe, redeemSomething, deliveriesOf, finished } = webhookHelpers(suite, receiver);

  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  it('signs a delivery of a real redeem that the receiver verifies, and logs the attempt', async () => {
    const subscription = await subscribe('/signed');
    expect(subscription.secret).toMatch(/^whsec_/);
    expect(subscription.secretHint).toBe(subscription.secret.slice(-4));
    const listed = await client().get<WebhookSubscriptionDto[]>(`${ws()}/webhooks`);
    expect(JSON.stringify(listed.body)).not.toContain(subscription.secret);

    const redemptionId = await redeemSomething();
    const [delivery] = await finished(subscription.id);
    const [request] = receiver.at('/signed');
    expect(receiver.at('/signed')).toHaveLength(1);
    expect(verify(subscription.secret, request!)).toBe(true);
    expect(verify('whsec_wrong', request!)).toBe(false);
    const envelope = JSON.parse(request!.body) as WebhookEventEnvelope<'redeem.created'>;
    expect(envelope).toMatchObject({ type: 'redeem.created', workspaceId: suite.owner.workspaceId });
    expect(envelope.data.redemption.id).toBe(redemptionId);
    expect(request!.headers['podium-event-id']).toBe(envelope.id);
    expect(delivery).toMatchObject({
      eventId: envelope.id,
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
    });
    expect(delivery!.attemptLog).toEqual([
      expect.objectContaining({
        number: 1,
        trigger: 'auto',
        ok: true,
        statusCode: 200,
        responseExcerpt: 'answer 200',
      }),
    ]);
  });

  it('retries after a 500 with the same event id, and logs both attempts', async () => {
    receiver.answer('/flaky', 500, 200);
    const subscription = await subscribe('/flaky');
    await redeemSomething();
    const [delivery] = await finished(subscription.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200 });
    expect(delivery!.attemptLog.map((a) => [a.number, a.statusCode, a.ok])).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
    const requests = receiver.at('/flaky');
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((r) => r.headers['podium-event-id'])).size).toBe(1);
    expect(requests.every((r) => verify(subscription.secret, r))).toBe(true);
  });

  it('disables a subscription after K failed deliveries, tells organizers, and replays by hand', async () => {
    receiver.answer('/down', 503);
    const subscription = await subscribe('/down');
    const { socket } = await connectSocket(suite.app.baseUrl, { cookie: client().cookie });
    suite.sockets.push(socket);
    const disabledPush = nextEvent(socket, 'webhooks.subscriptionChanged', 15_000);

    await redeemSomething();
    await finished(subscription.id, 1);
    await redeemSomething();
    const deliveries = await finished(subscription.id, 2);
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ['failed', 2],
      ['failed', 2],
    ]);
    const pushed = await disabledPush;
    expect(pushed.subscription).toMatchObject({
      id: subscription.id,
      enabled: false,
      disabledReason: 'failures',
    });
    const [listed] = (await client().get<WebhookSubscriptionDto[]>(`${ws()}/webhooks`)).body.filter(
      (s) => s.id === subscription.id,
    );
    expect(listed).toMatchObject({ enabled: false, disabledReason: 'failures', consecutiveFailures: 2 });

    // Disabled: a new event is not delivered.
    const before = receiver.at('/down').length;
    await redeemSomething();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receiver.at('/down')).toHaveLength(before);
    expect(await deliveriesOf(subscription.id)).toHaveLength(2);

    // The receiver is fixed: replay the last failed delivery, same event id, logged as a replay.
    receiver.answer('/down', 200);
    const target = deliveries[0]!;
    const replay = await client().post<WebhookDeliveryDto>(`${ws()}/webhooks/deliveries/${target.id}/replay`);
    expect(replay.status).toBe(202);
    let replayed: WebhookDeliveryDto | undefined;
    await until('the replay', async () => {
      replayed = (await client().get<WebhookDeliveryDto>(`${ws()}/webhooks/deliveries/${target.id}`)).body;
      return replayed.status === 'succeeded';
    });
    expect(replayed!.attemptLog.map((a) => [a.number, a.trigger, a.statusCode])).toEqual([
      [1, 'auto', 503],
      [2, 'auto', 503],
      [3, 'replay', 200],
    ]);
    const last = receiver.at('/down').at(-1)!;
    expect(last.headers['podium-event-id']).toBe(target.eventId);
    expect((JSON.parse(last.body) as WebhookEventEnvelope).id).toBe(target.eventId);

    const again = await client().post<ApiErrorDto>(`${ws()}/webhooks/deliveries/${randomUUID()}/replay`);
    expect(again.status).toBe(404);

    const enabled = await client().patch<WebhookSubscriptionDto>(`${ws()}/webhooks/${subscription.id}`, {
      enabled: true,
    });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
  });

  it('posts Discord’s message shape to a discord subscription', async () => {
    const subscription = await subscribe('/discord', { kind: 'discord' });
    await redeemSomething();
    await finished(subscription.id);
    const [request] = receiver.at('/discord');
    const message = JSON.parse(request!.body) as DiscordWebhookMessage;
    expect(message.content).toMatch(/^Ana redeemed r/);
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]).toMatchObject({ title: 'New redeem', color: expect.any(Number) });
    expect(message.embeds[0]!.fields.map((f) => f.name)).toEqual(['Reward', 'Viewer', 'Points']);
    expect(Date.parse(message.embeds[0]!.timestamp)).not.toBeNaN();

    const test = await client().post<WebhookDeliveryDto>(`${ws()}/webhooks/${subscription.id}/test`);
    expect(test.status).toBe(202);
    await until('the test send', () => receiver.at('/discord').length === 2);
    expect((JSON.parse(receiver.at('/discord')[1]!.body) as DiscordWebhookMessage).embeds[0]!.title).toBe(
      'Podium test',
    );
  });

  it('sends platform events once (a resent follow), and question and meeting events of a live run', async () => {
    const subscription = await subscribe('/platform', {
      eventTypes: [
        'viewer.followed',
        'stream.started',
        'question.opened',
        'question.closed',
        'meeting.ended',
      ],
    });
    const eventId = randomUUID();
    for (let i = 0; i < 2; i += 1) {
      const sent = await client().post(`${ws()}/rehearsal/events`, {
        kind: 'follow',
        viewer: { displayName: 'Bea' },
        eventId,
      });
      expect(sent.status).toBeLessThan(300);
    }
    await client().post(`${ws()}/rehearsal/events`, { kind: 'stream_online' });

    const { meeting, questions } = await suite.meetingWith({
      type: 'poll',
      title: 'Pizza or pasta?',
      choices: [{ label: 'Pizza' }, { label: 'Pasta' }],
    });
    const { socket } = await suite.live.organizer(client().cookie, meeting.id, 'tab-webhooks');
    for (const command of ['start', 'next', 'close', 'end'] as const) {
      ok(await suite.live.command(socket, meeting.id, command));
    }
    const deliveries = await finished(subscription.id, 5);
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(
      ['meeting.ended', 'question.closed', 'question.opened', 'stream.started', 'viewer.followed'].sort(),
    );
    const bodies = receiver.at('/platform').map((r) => JSON.parse(r.body) as WebhookEventEnvelope);
    const follow = bodies.find(
      (b) => b.type === 'viewer.followed',
    ) as WebhookEventEnvelope<'viewer.followed'>;
    expect(follow.data.event.viewer?.displayName).toBe('Bea');
    const opened = bodies.find(
      (b) => b.type === 'question.opened',
    ) as WebhookEventEnvelope<'question.opened'>;
    expect(opened.data).toMatchObject({
      meetingId: meeting.id,
      questionId: questions[0]!.id,
      questionIndex: 0,
    });
    expect(opened.data.question?.title).toBe('Pizza or pasta?');
    const closed = bodies.find(
      (b) => b.type === 'question.closed',
    ) as WebhookEventEnvelope<'question.closed'>;
    expect(closed.data.questionId).toBe(questions[0]!.id);
    const ended = bodies.find((b) => b.type === 'meeting.ended') as WebhookEventEnvelope<'meeting.ended'>;
    expect(ended.data).toEqual({ meetingId: meeting.id, meetingTitle: meeting.title });
  });

  it('rejects bad input and other workspaces’ ids', async () => {
    const bad = await client().post<ApiErrorDto>(`${ws()}/webhooks`, {
      url: 'ftp://x',
      eventTypes: ['redeem.created'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('url');
    const none = await client().post<ApiErrorDto>(`${ws()}/webhooks`, { url: receiver.url, eventTypes: [] });
    expect(none.status).toBe(400);
    expect(none.body.field).toBe('eventTypes');
    const missing = await client().patch<ApiErrorDto>(`${ws()}/webhooks/${randomUUID()}`, { enabled: true });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('webhooks.subscription_not_found');
  });

  it('manages subscriptions through /api/v1 with the webhooks:write scope only', async () => {
    const token = async (scopes: string[]) =>
      (await client().post<CreatedApiTokenDto>(`${ws()}/api-tokens`, { name: `t${scopes.length}`, scopes }))
        .body.token;
    const writer = await token(['webhooks:write']);
    const reader = await token(['points:read']);
    const v1 = `${suite.app.baseUrl}/api/v1/workspaces/${suite.owner.workspaceId}/webhooks`;
    const call = (bearer: string, method: string, path = '', body?: unknown) =>
      fetch(`${v1}${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const forbidden = await call(reader, 'GET');
    expect(forbidden.status).toBe(403);
    const created = await call(writer, 'POST', '', {
      url: `${receiver.url}/v1`,
      eventTypes: ['goal.reached'],
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as WebhookSubscriptionWithSecretDto;
    expect(body.secret).toMatch(/^whsec_/);
    const listed = (await (await call(writer, 'GET')).json()) as WebhookSubscriptionDto[];
    expect(listed.map((s) => s.id)).toContain(body.id);
    expect((await call(writer, 'DELETE', `/${body.id}`)).status).toBe(204);
    expect((await call(writer, 'GET', `/${body.id}`)).status).toBe(404);
  });
});

/** The same delivery path without Redis: the in-process scheduler sends and retries. */
describe('webhooks (PostgreSQL, in-process jobs)', () => {
  const receiver = new Receiver();
  const suite = useTestSuite({ env: () => ({ WEBHOOK_RETRY_DELAYS_MS: '200', WEBHOOK_TIMEOUT_MS: '3000' }) });
  const { subscribe, redeemSomething, finished } = webhookHelpers(suite, receiver);

  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());

  it('retries after a 500 and delivers', async () => {
    receiver.answer('/flaky', 500, 200);
    const subscription = await subscribe('/flaky');
    await redeemSomething();
    const [delivery] = await finished(subscription.id);
    expect(delivery!.attemptLog.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(delivery!.status).toBe('succeeded');
  });
});
