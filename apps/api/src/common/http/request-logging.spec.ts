import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'express';
import { Socket } from 'node:net';
import { requestForLog, requestLog } from './request-logging';

function request(fields: Partial<IncomingMessage> & { originalUrl?: string }): IncomingMessage {
  return Object.assign(Object.create(null), { socket: new Socket() }, fields) as IncomingMessage;
}

describe('requestForLog', () => {
  it('names the request by method and masked URL, without any header', () => {
    const logged = requestForLog(
      request({
        method: 'POST',
        url: '/kofi/k3y',
        originalUrl: '/api/integrations/kofi/k3y-s3cret?x=1',
        headers: { cookie: 'podium_session=s3cret', authorization: 'Bearer pod_s3cret' },
      }),
    );
    expect(logged).toEqual({
      method: 'POST',
      url: '/api/integrations/kofi/[redacted]?[redacted]',
      remoteAddress: undefined,
    });
    expect(JSON.stringify(logged)).not.toContain('s3cret');
  });

  it('falls back to the raw URL outside Express', () => {
    expect(requestForLog(request({ method: 'GET', url: '/api/invites/t0ken' })).url).toBe(
      '/api/invites/[redacted]',
    );
  });
});

describe('requestLog', () => {
  type Line = { level: string; fields: Record<string, unknown>; message: string };

  async function serve(level: 'info' | 'warn', answer: (response: ServerResponse) => void) {
    const lines: Line[] = [];
    const write = (name: string) => (fields: Record<string, unknown>, message: string) =>
      void lines.push({ level: name, fields, message });
    const order = ['info', 'warn', 'error'];
    const logger = {
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      isLevelEnabled: (name: string) => order.indexOf(name) >= order.indexOf(level),
    };
    const middleware = requestLog(logger as unknown as Parameters<typeof requestLog>[0]);
    const server = createServer((req, res) =>
      middleware(req as Request, res as unknown as Response, () => answer(res)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      lines,
      get: (path: string) => fetch(`${base}${path}`).then((r) => r.text()),
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('logs each answered request once, with its masked URL, status (no header) and time, 5xx as errors', async () => {
    let status = 200;
    const app = await serve('info', (res) => {
      res.statusCode = status;
      res.setHeader('set-cookie', 'podium_session=s3cret');
      res.end('ok');
    });
    try {
      await app.get('/api/invites/t0ken-s3cret');
      status = 503;
      await app.get('/api/things');
      await app.get('/api/health');
      await settled();
      expect(app.lines.map((l) => [l.level, l.message, l.fields['res']])).toEqual([
        ['info', 'request completed', { statusCode: 200 }],
        ['error', 'request errored', { statusCode: 503 }],
      ]);
      expect(app.lines[0]?.fields['req']).toMatchObject({
        id: 1,
        method: 'GET',
        url: '/api/invites/[redacted]',
      });
      expect(app.lines[1]?.fields['req']).toMatchObject({ id: 2 });
      expect(typeof app.lines[0]?.fields['responseTime']).toBe('number');
      expect(JSON.stringify(app.lines)).not.toContain('s3cret');
    } finally {
      await app.close();
    }
  });

  it('writes only what the level lets through', async () => {
    const app = await serve('warn', (res) => {
      res.statusCode = 500;
      res.end();
    });
    try {
      await app.get('/api/a');
      await settled();
      expect(app.lines.map((l) => l.message)).toEqual(['request errored']);
    } finally {
      await app.close();
    }
  });
});
