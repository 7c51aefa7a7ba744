import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { kofiFormBody, postKofiWebhook } from './kofi-webhook.sender';

const FIXTURES = join(__dirname, '../../../../apps/api/test/fixtures/kofi');

interface RecordedRequest {
  headers: Record<string, string>;
  form: { data: string };
  raw_body: string;
}

function recorded(name: string): RecordedRequest {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.request.json`), 'utf8')) as RecordedRequest;
}

describe('Ko-fi webhook sender', () => {
  it.each(['donation', 'subscription.first'])(
    'encodes the %s form exactly like the recorded request',
    (name) => {
      const request = recorded(name);
      expect(kofiFormBody(request.form.data)).toBe(request.raw_body);
    },
  );

  it('posts the form with Ko-fi’s content type and reads the answer', async () => {
    const seen: { contentType?: string; body: string }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ contentType: req.headers['content-type'], body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"recorded"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const request = recorded('donation');
      const result = await postKofiWebhook(`http://127.0.0.1:${port}/hook`, request.form.data);
      expect(result).toEqual({ status: 200, body: { status: 'recorded' }, sentBody: request.raw_body });
      expect(seen).toEqual([{ contentType: 'application/x-www-form-urlencoded', body: request.raw_body }]);
      expect(new URLSearchParams(seen[0]!.body).get('data')).toBe(request.form.data);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
