import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordTestSecret } from '../test-secrets';
import {
  OWNCAST_CLIENTS_FIXTURE,
  OWNCAST_SENT_RESPONSE,
  OWNCAST_UNAUTHORIZED_BODY,
} from './owncast-fixtures';

/** A request the fake received, as it arrived. */
export interface FakeOwncastRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  rawBody: string;
  /** The JSON body, or undefined when it was not JSON. */
  body: unknown;
  /** The status the fake answered. */
  status: number;
  /** Date.now() when it arrived (to check a sender's pace). */
  at: number;
}

export interface FakeOwncastOptions {
  /** The integration access token the fake accepts (Owncast admin → Integrations → Access tokens). */
  accessToken: string;
  /** What GET /api/integrations/clients lists; the fixture's two viewers by default. */
  clients?: unknown[];
}

/** The three send endpoints, each taking `{"body": "..."}` (webserver/handlers/admin/chat.go). */
const SEND_PATHS = [
  '/api/integrations/chat/send',
  '/api/integrations/chat/system',
  '/api/integrations/chat/action',
];
const CLIENTS_PATH = '/api/integrations/clients';
/** Public status (no token): `online` and `viewerCount` among others (webserver/handlers/status.go). */
const STATUS_PATH = '/api/status';
/** Hide or show messages: `{"idArray": [...], "visible": bool}` (scope HAS_ADMIN_ACCESS). */
const VISIBILITY_PATH = '/api/integrations/chat/messagevisibility';
const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json';

/**
 * A stand-in Owncast instance for its integrations API: Bearer token check (401 "unauthorized" as
 * Owncast's middleware answers), the send/system/action endpoints and the connected-clients list.
 * Every request is recorded. Listens on 127.0.0.1 on a free port.
 */
export class FakeOwncast {
  readonly requests: FakeOwncastRequest[] = [];
  clients: unknown[];
  /** What GET /api/status says: the viewer count while online, null while offline. */
  viewerCount: number | null = null;
  /** The one token accepted; change it to play a token revoked in Owncast's admin. */
  accessToken: string;
  private readonly failures: number[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    accessToken: string,
    clients: unknown[],
  ) {
    this.accessToken = accessToken;
    recordTestSecret('owncast-access-token', accessToken);
    this.clients = clients;
  }

  static async start(options: FakeOwncastOptions): Promise<FakeOwncast> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeOwncast(
      server,
      `http://127.0.0.1:${port}`,
      options.accessToken,
      options.clients ?? structuredClone(OWNCAST_CLIENTS_FIXTURE),
    );
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void fake.handle(request, response);
    });
    return fake;
  }

  /** An address where nothing listens (a server opened and closed), for "instance unreachable". */
  static async unreachableUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
  }

  /** The next `times` authorized requests answer `status` (an instance restarting, a proxy error). */
  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i += 1) this.failures.push(status);
  }

  /** The `body` texts one send endpoint accepted (200), in order: 'send', 'system' or 'action'. */
  messages(endpoint: 'send' | 'system' | 'action' = 'send'): string[] {
    return this.requests
      .filter(
        (request) =>
          request.method === 'POST' &&
          request.path === `/api/integrations/chat/${endpoint}` &&
          request.status === 200,
      )
      .map((request) => (request.body as { body?: unknown } | undefined)?.body)
      .filter((body): body is string => typeof body === 'string');
  }

  /** Message ids hidden through messagevisibility (visible false, answered 200), in order. */
  hiddenMessageIds(): string[] {
    return this.requests
      .filter(
        (request) => request.method === 'POST' && request.path === VISIBILITY_PATH && request.status === 200,
      )
      .flatMap((request) => {
        const body = request.body as { idArray?: unknown; visible?: unknown };
        return body.visible === false && Array.isArray(body.idArray) ? body.idArray.map(String) : [];
      });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const rawBody = await readBody(request);
    const path = new URL(request.url ?? '/', this.url).pathname;
    const recorded: FakeOwncastRequest = {
      method: request.method ?? 'GET',
      path,
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      rawBody,
      body: parseJson(rawBody),
      status: 0,
      at,
    };
    this.requests.push(recorded);
    const [status, contentType, body] = this.answer(recorded);
    recorded.status = status;
    response.writeHead(status, { 'content-type': contentType }).end(body);
  }

  private answer(recorded: FakeOwncastRequest): [status: number, contentType: string, body: string] {
    const { path } = recorded;

    if (recorded.method === 'GET' && path === STATUS_PATH) {
      const online = this.viewerCount !== null;
      return [
        200,
        JSON_TYPE,
        JSON.stringify({ online, viewerCount: this.viewerCount ?? 0, versionNumber: '0.3.0' }),
      ];
    }
    const known =
      (recorded.method === 'POST' && (SEND_PATHS.includes(path) || path === VISIBILITY_PATH)) ||
      (recorded.method === 'GET' && path === CLIENTS_PATH);
    if (!known) return [404, TEXT, '404 page not found'];
    // Owncast accepts "Bearer <token>" in any case of the scheme.
    const token = /^bearer (.+)$/i.exec(recorded.authorization ?? '')?.[1];
    if (token !== this.accessToken) return [401, TEXT, OWNCAST_UNAUTHORIZED_BODY];
    const failure = this.failures.shift();
    if (failure !== undefined) return [failure, TEXT, 'fake failure'];

    if (path === CLIENTS_PATH) return [200, JSON_TYPE, JSON.stringify(this.clients)];
    if (path === VISIBILITY_PATH) {
      const visibility = recorded.body as { idArray?: unknown; visible?: unknown } | undefined;
      if (!Array.isArray(visibility?.idArray) || typeof visibility.visible !== 'boolean')
        return [400, JSON_TYPE, '{"success":false,"message":"invalid request"}'];
      return [200, JSON_TYPE, '{"success":true,"message":"changed"}'];
    }
    // Owncast answers a body it cannot decode with InternalErrorHandler (500), an empty one 400.
    if (recorded.body === undefined) return [500, JSON_TYPE, '{"error":"invalid character in JSON body"}'];
    const text = (recorded.body as { body?: unknown }).body;
    if (typeof text !== 'string' || text.trim() === '')
      return [400, JSON_TYPE, '{"error":"invalid message"}'];
    return [200, JSON_TYPE, JSON.stringify(OWNCAST_SENT_RESPONSE)];
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
