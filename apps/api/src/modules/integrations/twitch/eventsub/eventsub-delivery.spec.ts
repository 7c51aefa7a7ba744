import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ChatErrorCode, ChatException } from '../../../chat/chat.exception';
import { eventSubDeliveries, eventSubDeliveryGuard, eventSubErrorHandler } from './eventsub-delivery';

/** Answers like twurple: "202 OK" first, then the handlers run (here: `work`). */
function twurpleLike(work: () => Promise<unknown>): express.RequestHandler {
  return (_request, response) => {
    response.setHeader('Content-Type', 'text/plain');
    response.writeHead(202);
    response.end('OK');
    eventSubDeliveries.getStore()?.work.push(work());
  };
}

describe('eventSubDeliveryGuard', () => {
  let server: Server;
  let url: string;
  let work: () => Promise<unknown>;
  let reached: number;

  beforeAll(async () => {
    const app = express();
    app.use(eventSubDeliveryGuard(1024));
    app.post('/hook', (request, response, next) => {
      reached += 1;
      twurpleLike(() => work())(request, response, next);
    });
    app.use(eventSubErrorHandler());
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    reached = 0;
  });

  const post = (overrides: Record<string, string> = {}, body = '{}') =>
    fetch(url, {
      method: 'POST',
      headers: {
        'Twitch-Eventsub-Message-Id': 'm-1',
        'Twitch-Eventsub-Message-Type': 'notification',
        'Twitch-Eventsub-Message-Timestamp': new Date().toISOString(),
        'Twitch-Eventsub-Message-Signature': 'sha256=00',
        ...overrides,
      },
      body,
    });

  it('answers 202 only after the delivery is recorded', async () => {
    let recordedAt = 0;
    work = () => new Promise((resolve) => setTimeout(() => resolve((recordedAt = Date.now())), 150));
    const response = await post();
    const answeredAt = Date.now();
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('OK');
    expect(recordedAt).toBeGreaterThan(0);
    expect(answeredAt).toBeGreaterThanOrEqual(recordedAt);
  });

  it('turns a failed recording into an error Twitch will retry, and a refused event into a 400', async () => {
    work = () => Promise.reject(new Error('database down'));
    const failed = await post();
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ code: 'internal' });

    work = () =>
      Promise.reject(new ChatException(ChatErrorCode.WebhookMalformed, 'channel.cheer: event.bits is wrong'));
    const refused = await post();
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      code: 'chat.webhook_malformed',
      message: 'channel.cheer: event.bits is wrong',
    });
  });

  it('refuses stale, unsigned and oversized deliveries before twurple sees them', async () => {
    work = () => Promise.resolve();
    const stale = await post({
      'Twitch-Eventsub-Message-Timestamp': new Date(Date.now() - 11 * 60_000).toISOString(),
    });
    expect(stale.status).toBe(403);
    const unsigned = await post({ 'Twitch-Eventsub-Message-Signature': '' });
    expect(unsigned.status).toBe(403);
    const huge = await post({}, 'x'.repeat(2048));
    expect(huge.status).toBe(413);
    expect(reached).toBe(0);
  });
});
