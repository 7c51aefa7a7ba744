import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGoogleOAuth, type OAuthAnswer } from './fake-google-oauth';
import { type FakeAnswer, FakeYoutubeChats } from './fake-youtube-chat';
import {
  GOOGLE_AUTH_ERROR,
  YOUTUBE_INCOMPATIBLE_PARAMETERS,
  YOUTUBE_QUOTA_EXCEEDED,
} from './youtube-fixtures';

/** A request the fake received, as it arrived. */
export interface FakeYoutubeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  rawBody: string;
  /** The status the fake answered, and the body it sent. */
  status: number;
  responseBody: string;
  /** Date.now() when it arrived. */
  at: number;
}

export interface FakeYoutubeOptions {
  clientId: string;
  clientSecret: string;
  /** The channel of the Google account that consents. */
  channel?: { id: string; title: string };
  accessTokenLifetimeSeconds?: number;
}

/** Units per call (developers.google.com/youtube/v3/determine_quota_cost). */
const COST: Record<string, number> = {
  'GET /youtube/v3/channels': 1,
  'GET /youtube/v3/liveBroadcasts': 1,
  'GET /youtube/v3/liveChat/messages': 5,
  'POST /youtube/v3/liveChat/messages': 20,
  'DELETE /youtube/v3/liveChat/messages': 50,
  'POST /youtube/v3/liveChat/bans': 50,
};
const CHAT_PATH = '/youtube/v3/liveChat/messages';
const BANS_PATH = '/youtube/v3/liveChat/bans';

/** A liveChatBans.insert the fake accepted. */
export interface FakeYoutubeBan {
  liveChatId: string;
  channelId: string;
  type: 'temporary' | 'permanent';
  /** Seconds of a temporary ban. */
  durationSeconds: number | null;
}

/**
 * A stand-in for Google: OAuth (`/authorize`, `/token`, `/revoke`) and the YouTube Data API v3
 * under `/youtube/v3` (channels.list mine=true, liveBroadcasts.list broadcastStatus=active,
 * liveChatMessages.list and insert). Data API calls need a live Bearer token, spend quota units
 * like YouTube does, and answer quotaExceeded once `quotaLimit` is spent. Every request is recorded.
 */
export class FakeYoutube {
  readonly requests: FakeYoutubeRequest[] = [];
  readonly oauth: FakeGoogleOAuth;
  readonly chats = new FakeYoutubeChats();
  channel: { id: string; title: string };
  /** Units spent so far (all calls that reached the API, as YouTube counts them). */
  unitsUsed = 0;
  quotaLimit = Number.POSITIVE_INFINITY;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    options: FakeYoutubeOptions,
  ) {
    this.oauth = new FakeGoogleOAuth(options);
    this.channel = options.channel ?? { id: 'UClumenfallFixtureChanA1', title: 'Lumenfall' };
  }

  static async start(options: FakeYoutubeOptions): Promise<FakeYoutube> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeYoutube(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void fake.handle(request, response);
    });
    return fake;
  }

  /** The environment that points Podium at this fake. */
  env(): Record<string, string> {
    return {
      GOOGLE_AUTHORIZE_URL: `${this.url}/authorize`,
      GOOGLE_TOKEN_URL: `${this.url}/token`,
      GOOGLE_REVOKE_URL: `${this.url}/revoke`,
      YOUTUBE_API_URL: `${this.url}/youtube/v3`,
    };
  }

  /** liveChatMessages.list requests, oldest first. */
  chatListRequests(): FakeYoutubeRequest[] {
    return this.requests.filter((request) => request.method === 'GET' && request.path === CHAT_PATH);
  }

  /** The texts liveChatMessages.insert accepted, in order. */
  insertedTexts(): string[] {
    return this.requests
      .filter((request) => request.method === 'POST' && request.path === CHAT_PATH && request.status === 200)
      .map(
        (request) =>
          JSON.parse(request.rawBody) as { snippet: { textMessageDetails: { messageText: string } } },
      )
      .map((body) => body.snippet.textMessageDetails.messageText);
  }

  /** Message ids liveChatMessages.delete removed (204), in order. */
  deletedMessageIds(): string[] {
    return this.requests
      .filter(
        (request) => request.method === 'DELETE' && request.path === CHAT_PATH && request.status === 204,
      )
      .map((request) => request.query.get('id') ?? '');
  }

  /** Bans liveChatBans.insert accepted, in order. */
  bans(): FakeYoutubeBan[] {
    return this.requests
      .filter((request) => request.method === 'POST' && request.path === BANS_PATH && request.status === 200)
      .map((request) => banOf(JSON.parse(request.rawBody) as unknown))
      .filter((ban): ban is FakeYoutubeBan => ban !== null);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const url = new URL(request.url ?? '/', this.url);
    const recorded: FakeYoutubeRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      rawBody,
      status: 0,
      responseBody: '',
      at: Date.now(),
    };
    this.requests.push(recorded);
    const answer = this.route(recorded);
    recorded.status = answer.kind === 'redirect' ? 302 : answer.status;
    if (answer.kind === 'redirect') {
      response.writeHead(302, { location: answer.location }).end();
      return;
    }
    const raw = answer.kind === 'text' || typeof answer.body === 'string';
    recorded.responseBody = raw ? String(answer.body) : JSON.stringify(answer.body);
    response
      .writeHead(answer.status, {
        'content-type': raw ? 'text/html; charset=UTF-8' : 'application/json; charset=UTF-8',
      })
      .end(recorded.responseBody);
  }

  private route(request: FakeYoutubeRequest): OAuthAnswer {
    const route = `${request.method} ${request.path}`;
    const form = new URLSearchParams(request.rawBody);
    switch (route) {
      case 'GET /authorize':
        return this.oauth.authorize(request.query);
      case 'POST /token':
        return this.oauth.token(form);
      case 'POST /revoke':
        return this.oauth.revoke(form.get('token') ?? request.query.get('token'));
    }
    const cost = COST[route];
    if (cost === undefined)
      return json({ status: 404, body: { error: { code: 404, message: 'Not Found' } } });
    const token = /^Bearer (.+)$/.exec(request.authorization ?? '')?.[1];
    if (!this.oauth.accessTokenValid(token)) return json({ status: 401, body: GOOGLE_AUTH_ERROR });
    if (this.unitsUsed + cost > this.quotaLimit) return json({ status: 403, body: YOUTUBE_QUOTA_EXCEEDED });
    const answer = this.dataApi(route, request);
    if (!isQuotaExceeded(answer)) this.unitsUsed += cost;
    return json(answer);
  }

  private dataApi(route: string, request: FakeYoutubeRequest): FakeAnswer {
    const query = request.query;
    switch (route) {
      case 'GET /youtube/v3/channels':
        if (query.get('mine') !== 'true')
          return { status: 400, body: { error: { code: 400, message: 'mine=true expected' } } };
        return { status: 200, body: channelList(this.channel) };
      case 'GET /youtube/v3/liveBroadcasts':
        // "Filters (specify exactly one of the following parameters)": broadcastStatus, id, mine.
        if (query.has('mine') && query.has('broadcastStatus'))
          return { status: 400, body: YOUTUBE_INCOMPATIBLE_PARAMETERS };
        if (query.get('broadcastStatus') !== 'active')
          return { status: 200, body: broadcastList([], this.channel.id) };
        return { status: 200, body: broadcastList(this.chats.activeBroadcasts(), this.channel.id) };
      case 'GET /youtube/v3/liveChat/messages':
        return this.chats.list(query);
      case 'DELETE /youtube/v3/liveChat/messages':
        if (!query.get('id'))
          return { status: 400, body: { error: { code: 400, message: 'No filter selected. Expected: id' } } };
        return { status: 204, body: '' };
      case 'POST /youtube/v3/liveChat/bans': {
        let ban: FakeYoutubeBan | null = null;
        try {
          ban = banOf(JSON.parse(request.rawBody) as unknown);
        } catch {
          ban = null;
        }
        if (!ban) return { status: 400, body: { error: { code: 400, message: 'Invalid ban.' } } };
        return {
          status: 200,
          body: {
            kind: 'youtube#liveChatBan',
            etag: 'fake-ban-etag',
            id: `ban-${this.requests.length}`,
            snippet: {},
          },
        };
      }
      default: {
        let body: unknown;
        try {
          body = JSON.parse(request.rawBody) as unknown;
        } catch {
          return { status: 400, body: { error: { code: 400, message: 'Invalid JSON payload received.' } } };
        }
        return this.chats.insert(body, { channelId: this.channel.id, displayName: this.channel.title });
      }
    }
  }
}

/** A liveChatBan resource's snippet, as YouTube requires it (`banDurationSeconds` for temporary ones). */
function banOf(body: unknown): FakeYoutubeBan | null {
  const snippet = (body as { snippet?: Record<string, unknown> } | null)?.snippet;
  const channelId = (snippet?.['bannedUserDetails'] as { channelId?: unknown } | undefined)?.channelId;
  const type = snippet?.['type'];
  if (typeof snippet?.['liveChatId'] !== 'string' || typeof channelId !== 'string') return null;
  if (type !== 'temporary' && type !== 'permanent') return null;
  const duration = Number(snippet['banDurationSeconds']);
  if (type === 'temporary' && !(duration > 0)) return null;
  return {
    liveChatId: snippet['liveChatId'],
    channelId,
    type,
    durationSeconds: type === 'temporary' ? duration : null,
  };
}

function isQuotaExceeded(answer: FakeAnswer): boolean {
  const errors = (answer.body as { error?: { errors?: { reason?: string }[] } } | null)?.error?.errors;
  return answer.status === 403 && errors?.[0]?.reason === 'quotaExceeded';
}

function json(answer: FakeAnswer): OAuthAnswer {
  return { kind: 'json', status: answer.status, body: answer.body };
}

function channelList(channel: { id: string; title: string }) {
  return {
    kind: 'youtube#channelListResponse',
    etag: 'fake-channels-etag',
    pageInfo: { totalResults: 1, resultsPerPage: 5 },
    items: [
      {
        kind: 'youtube#channel',
        etag: 'fake-channel-etag',
        id: channel.id,
        snippet: { title: channel.title, description: '', publishedAt: '2024-05-02T10:11:12Z' },
      },
    ],
  };
}

function broadcastList(broadcasts: ReturnType<FakeYoutubeChats['activeBroadcasts']>, channelId: string) {
  return {
    kind: 'youtube#liveBroadcastListResponse',
    etag: 'fake-broadcasts-etag',
    pageInfo: { totalResults: broadcasts.length, resultsPerPage: 5 },
    items: broadcasts.map((broadcast) => ({
      kind: 'youtube#liveBroadcast',
      etag: `etag-${broadcast.id}`,
      id: broadcast.id,
      snippet: {
        publishedAt: broadcast.actualStartTime,
        channelId,
        title: broadcast.title,
        description: '',
        actualStartTime: broadcast.actualStartTime,
        isDefaultBroadcast: false,
        liveChatId: broadcast.liveChatId,
      },
      status: { lifeCycleStatus: 'live', privacyStatus: 'public', recordingStatus: 'recording' },
    })),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
