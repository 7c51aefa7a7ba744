import type { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { requestForLog, responseForLog } from './request-logging';

function request(fields: Partial<IncomingMessage> & { id?: unknown; originalUrl?: string }): IncomingMessage {
  return Object.assign(Object.create(null), { socket: new Socket() }, fields) as IncomingMessage;
}

describe('requestForLog', () => {
  it('names the request by id, method and masked URL, without any header', () => {
    const logged = requestForLog(
      request({
        id: 7,
        method: 'POST',
        url: '/kofi/k3y',
        originalUrl: '/api/integrations/kofi/k3y-s3cret?x=1',
        headers: { cookie: 'podium_session=s3cret', authorization: 'Bearer pod_s3cret' },
      }),
    );
    expect(logged).toEqual({
      id: 7,
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

describe('responseForLog', () => {
  it('keeps the status only (Set-Cookie and the rest stay out of the log)', () => {
    const response = { statusCode: 201, getHeaders: () => ({ 'set-cookie': 'podium_session=s3cret' }) };
    expect(responseForLog(response as unknown as ServerResponse)).toEqual({ statusCode: 201 });
  });
});
