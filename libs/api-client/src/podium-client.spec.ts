import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PodiumApiError, parseRetryAfter } from './podium-api-error';
import { PodiumClient } from './podium-client';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (seen: Seen, res: ServerResponse) => void;

const WORKSPACE = '7c0a3f3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f';

describe('PodiumClient against a local HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  let handler: Handler;
  const seen: Seen[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const entry = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        seen.push(entry);
        handler(entry, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const client = (token = 'pod_secret') => new PodiumClient({ baseUrl, token, workspaceId: WORKSPACE });

  it('sends the bearer token, the JSON body and the Idempotency-Key, and returns the parsed body', async () => {
    handler = (_seen, res) =>
      json(
        res,
        200,
        { balance: 150, rank: 1 },
        {
          'ratelimit-limit': '120',
          'ratelimit-remaining': '119',
          'ratelimit-reset': '60',
        },
      );

    const result = await client().points.grant(
      'v-1',
      { amount: 50, reason: 'Great question' },
      { idempotencyKey: 'grant-42' },
    );

    expect(result.balance).toBe(150);
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe(`/api/v1/workspaces/${WORKSPACE}/viewers/v-1/points/grant`);
    expect(seen[0].headers.authorization).toBe('Bearer pod_secret');
    expect(seen[0].headers['idempotency-key']).toBe('grant-42');
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0].body)).toEqual({ amount: 50, reason: 'Great question' });
  });

  it('reads RateLimit-* headers through send()', async () => {
    handler = (_seen, res) =>
      json(
        res,
        200,
        { tokenId: 't' },
        { 'ratelimit-limit': '120', 'ratelimit-remaining': '7', 'ratelimit-reset': '12' },
      );
    const c = client();
    const response = await c.send('GET', c.path('whoami'));
    expect(response.status).toBe(200);
    expect(response.rateLimit).toEqual({ limit: 120, remaining: 7, resetSeconds: 12 });
  });

  it('puts queries in the URL, skipping undefined values, and encodes path segments', async () => {
    handler = (_seen, res) => json(res, 200, { redemptions: [], nextCursor: null });
    await client().queue.list({ status: 'pending', rewardId: undefined, limit: 20 });
    expect(seen[0].url).toBe(`/api/v1/workspaces/${WORKSPACE}/redemptions?status=pending&limit=20`);
    expect(seen[0].body).toBe('');
    expect(seen[0].headers['idempotency-key']).toBeUndefined();

    handler = (_seen, res) => json(res, 200, {});
    await client().viewers.get('../../admin?x=1');
    expect(seen[1].url).toBe(`/api/v1/workspaces/${WORKSPACE}/viewers/..%2F..%2Fadmin%3Fx%3D1`);
  });

  it('turns the house error body into a typed PodiumApiError with code and field', async () => {
    handler = (_seen, res) =>
      json(res, 400, {
        statusCode: 400,
        code: 'validation.failed',
        message: 'amount: must not be zero',
        field: 'amount',
        issues: [{ field: 'amount', message: 'must not be zero' }],
      });
    const error = await client()
      .points.grant('v-1', { amount: 0, reason: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PodiumApiError);
    const apiError = error as PodiumApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation.failed');
    expect(apiError.field).toBe('amount');
    expect(apiError.issues).toEqual([{ field: 'amount', message: 'must not be zero' }]);
    expect(apiError.retryAfterSeconds).toBeUndefined();
    expect(apiError.message).toContain('POST');
  });

  it('takes retryAfterSeconds from the Retry-After header on a 429 when the body lacks it', async () => {
    handler = (_seen, res) =>
      json(
        res,
        429,
        { statusCode: 429, code: 'api.rate_limited', message: 'Too many requests' },
        { 'retry-after': '17' },
      );
    const error = (await client()
      .whoami()
      .catch((e: unknown) => e)) as PodiumApiError;
    expect(error.status).toBe(429);
    expect(error.code).toBe('api.rate_limited');
    expect(error.retryAfterSeconds).toBe(17);
  });

  it('still gives a PodiumApiError for a non-JSON error page', async () => {
    handler = (_seen, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    };
    const error = (await client()
      .whoami()
      .catch((e: unknown) => e)) as PodiumApiError;
    expect(error).toBeInstanceOf(PodiumApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('http.502');
    expect(error.field).toBeUndefined();
  });

  it('refuses an empty or over-long Idempotency-Key before sending anything', async () => {
    handler = (_seen, res) => json(res, 200, {});
    await expect(client().queue.fulfil('r-1', { idempotencyKey: 'x'.repeat(201) })).rejects.toThrow(
      RangeError,
    );
    await expect(client().queue.fulfil('r-1', { idempotencyKey: '' })).rejects.toThrow(RangeError);
    expect(seen).toHaveLength(0);
  });

  it('sends live commands with expectedVersion and reads an empty 204 as undefined', async () => {
    handler = (_seen, res) => json(res, 200, { meetingId: 'm-1', version: 4, phase: 'question_open' });
    const state = await client().live.command('m-1', 'next', { expectedVersion: 3, idempotencyKey: 'k' });
    expect(state.version).toBe(4);
    expect(seen[0].url).toBe(`/api/v1/workspaces/${WORKSPACE}/meetings/m-1/live/next`);
    expect(JSON.parse(seen[0].body)).toEqual({ expectedVersion: 3 });

    handler = (_seen, res) => {
      res.writeHead(204);
      res.end();
    };
    await expect(client().meetings.delete('m-1')).resolves.toBeUndefined();
    expect(seen[1].method).toBe('DELETE');
  });

  it('needs a token and a workspace', () => {
    expect(() => new PodiumClient({ baseUrl, token: '', workspaceId: WORKSPACE })).toThrow(TypeError);
    expect(() => new PodiumClient({ baseUrl, token: 'pod_x', workspaceId: '' })).toThrow(TypeError);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
