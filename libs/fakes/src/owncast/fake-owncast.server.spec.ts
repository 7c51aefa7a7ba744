import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOwncast } from './fake-owncast.server';
import { goJson, owncastSignatureHeader, postOwncastWebhook } from './owncast-webhook.sender';

const TOKEN = 'Xq9_fixture-owncast-access-token-5uQ2n0sV8kYtRz3wLbM1=';

describe('FakeOwncast', () => {
  let fake: FakeOwncast;
  beforeEach(async () => {
    fake = await FakeOwncast.start({ accessToken: TOKEN });
  });
  afterEach(() => fake.close());

  const call = (path: string, init: RequestInit = {}) => fetch(`${fake.url}${path}`, init);
  const post = (path: string, body: string, token = TOKEN) =>
    call(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });

  it('answers sends with the fixture body and records them', async () => {
    const response = await post('/api/integrations/chat/send', '{"body":"PixelMoth has **1,250** points"}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, message: 'sent' });
    await post('/api/integrations/chat/system', '{"body":"Stream starts in 5 minutes."}');
    await post('/api/integrations/chat/action', '{"body":"PixelMoth redeemed *Song request*"}');
    expect(fake.messages('send')).toEqual(['PixelMoth has **1,250** points']);
    expect(fake.messages('system')).toEqual(['Stream starts in 5 minutes.']);
    expect(fake.messages('action')).toEqual(['PixelMoth redeemed *Song request*']);
    expect(fake.requests[0]).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      contentType: 'application/json',
    });
  });

  it("refuses a wrong or missing token with Owncast's plain-text 401", async () => {
    const wrong = await post('/api/integrations/chat/send', '{"body":"hello"}', 'not-a-valid-token');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('text/plain');
    expect(await wrong.text()).toBe('unauthorized');
    expect((await call('/api/integrations/clients')).status).toBe(401);
    expect(fake.messages()).toEqual([]);
  });

  it('lists the connected clients, and lets a test change them', async () => {
    const auth = { headers: { authorization: `bearer ${TOKEN}` } };
    const listed = (await (await call('/api/integrations/clients', auth)).json()) as {
      user: { id: string };
    }[];
    expect(listed.map((client) => client.user.id)).toEqual(['Kp3xQw7vR', 'Zt8mLq2cS']);
    fake.clients = [];
    expect(await (await call('/api/integrations/clients', auth)).json()).toEqual([]);
  });

  it('answers an empty message 400 and a non-JSON body 500, like the Go handlers', async () => {
    expect((await post('/api/integrations/chat/send', '{"body":"  "}')).status).toBe(400);
    expect((await post('/api/integrations/chat/send', 'nope')).status).toBe(500);
  });

  it('fails the next requests on demand', async () => {
    fake.failNext(503, 2);
    expect((await post('/api/integrations/chat/send', '{"body":"a"}')).status).toBe(503);
    expect((await post('/api/integrations/chat/send', '{"body":"b"}')).status).toBe(503);
    expect((await post('/api/integrations/chat/send', '{"body":"c"}')).status).toBe(200);
  });

  it('gives an address nobody listens on', async () => {
    await expect(fetch(`${await FakeOwncast.unreachableUrl()}/api/integrations/clients`)).rejects.toThrow();
  });
});

describe('postOwncastWebhook', () => {
  it('posts Go-escaped JSON signed over those exact bytes, or unsigned without a secret', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const body = { type: 'CHAT', eventData: { rawBody: '<b>fish & chips</b>' } };
      const signed = await postOwncastWebhook(url, body, { secret: 's3cret', signedAt: 1_773_515_000 });
      await postOwncastWebhook(url, body);
      expect(signed.status).toBe(204);
      expect(received[0]!.body).toBe(
        '{"type":"CHAT","eventData":{"rawBody":"\\u003cb\\u003efish \\u0026 chips\\u003c/b\\u003e"}}',
      );
      expect(received[0]!.body).toBe(goJson(body));
      expect(received[0]!.headers['owncast-signature']).toBe(
        owncastSignatureHeader('s3cret', 1_773_515_000, received[0]!.body),
      );
      expect(received[0]!.headers['owncast-signature']).toMatch(/^t=1773515000\.s=[0-9a-f]{64}$/);
      expect(received[1]!.headers['owncast-signature']).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
