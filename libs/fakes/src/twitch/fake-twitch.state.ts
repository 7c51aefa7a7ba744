import { randomBytes, randomUUID } from 'node:crypto';
import { recordTestSecret } from '../test-secrets';
import type { FakeWebSocket } from './websocket-server';
import { FAKE_GAMES, type FakeChannel, type FakeGame, type FakeShoutout } from './fake-twitch.channel-routes';

export interface FakeTwitchUser {
  id: string;
  login: string;
  displayName: string;
}

export interface FakeToken {
  accessToken: string;
  refreshToken: string | null;
  /** Undefined for an app access token (client credentials). */
  userId?: string;
  scopes: string[];
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  at: number;
}

export type FakeTransport =
  | { method: 'webhook'; callback: string; secret: string }
  | { method: 'websocket'; session_id: string; connected_at: string };

export interface FakeSubscription {
  id: string;
  status: string;
  type: string;
  version: string;
  condition: Record<string, string>;
  transport: FakeTransport;
  createdAt: string;
  /** The user whose token created it (websocket subscriptions belong to a user). */
  ownerUserId?: string;
}

export interface FakeChatMessage {
  broadcasterId: string;
  senderId: string;
  message: string;
  messageId: string;
  at: number;
}

/** A Delete Chat Messages call the fake accepted (`messageId` null: the whole chat was cleared). */
export interface FakeDeletedMessage {
  broadcasterId: string;
  moderatorId: string;
  messageId: string | null;
  at: number;
}

/** A Ban User call the fake accepted; `duration` null is a ban, seconds a timeout. */
export interface FakeBan {
  broadcasterId: string;
  moderatorId: string;
  userId: string;
  duration: number | null;
  reason: string;
  at: number;
}

export interface FakeWsSession {
  id: string;
  socket: FakeWebSocket;
  connectedAt: string;
  keepalive?: NodeJS.Timeout;
}

/** Everything the fake remembers: users and what they granted, tokens, subscriptions, chat. */
export class FakeTwitchState {
  readonly users = new Map<string, FakeTwitchUser>();
  readonly tokens = new Map<string, FakeToken>();
  /** Scopes each user has granted this app (what app-token EventSub subscriptions rely on). */
  readonly grants = new Map<string, Set<string>>();
  readonly codes = new Map<
    string,
    { userId: string; scopes: string[]; redirectUri: string; clientId: string }
  >();
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly sessions = new Map<string, FakeWsSession>();
  readonly moderators = new Map<string, Set<string>>();
  readonly chatters = new Map<string, FakeTwitchUser[]>();
  readonly requests: RecordedRequest[] = [];
  readonly chatMessages: FakeChatMessage[] = [];
  /** Channel information, categories and shoutouts (fake-twitch.channel-routes.ts). */
  readonly channels = new Map<string, FakeChannel>();
  readonly games: FakeGame[] = [...FAKE_GAMES];
  readonly shoutouts: FakeShoutout[] = [];
  readonly shoutoutFailures: { status: number; message: string }[] = [];
  readonly deletedMessages: FakeDeletedMessage[] = [];
  readonly bans: FakeBan[] = [];
  readonly revokedTokens: string[] = [];
  /** Who "signs in" on the next GET /auth/authorize. */
  signedInUserId?: string;
  /** Scopes the user unticks on the next authorization (Twitch lets them grant fewer). */
  withheldScopes: string[] = [];
  denyNext?: string;
  /** Reasons for the next chat messages Twitch will not deliver (is_sent false). */
  readonly dropQueue: { code: string; message: string }[] = [];
  rateLimitNext = 0;
  keepaliveSeconds = 10;
  accessTokenTtlSeconds = 14_400;
  callbackRoutes: { from: string; to: () => string }[] = [];

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {
    recordTestSecret('twitch-client-secret', clientSecret);
  }

  issueUserToken(userId: string, scopes: string[], clientId: string): FakeToken {
    const token: FakeToken = {
      accessToken: randomBytes(15).toString('hex'),
      refreshToken: randomBytes(25).toString('hex'),
      userId,
      scopes: [...scopes],
      clientId,
      expiresAt: Date.now() + this.accessTokenTtlSeconds * 1000,
      revoked: false,
    };
    this.tokens.set(token.accessToken, token);
    recordTestSecret('twitch-access-token', token.accessToken);
    recordTestSecret('twitch-refresh-token', token.refreshToken);
    const granted = this.grants.get(userId) ?? new Set<string>();
    scopes.forEach((scope) => granted.add(scope));
    this.grants.set(userId, granted);
    return token;
  }

  issueAppToken(clientId: string): FakeToken {
    const token: FakeToken = {
      accessToken: randomBytes(15).toString('hex'),
      refreshToken: null,
      scopes: [],
      clientId,
      expiresAt: Date.now() + 5_184_000 * 1000,
      revoked: false,
    };
    this.tokens.set(token.accessToken, token);
    recordTestSecret('twitch-app-token', token.accessToken);
    return token;
  }

  /** A usable token from an Authorization header ("Bearer x" for Helix, "OAuth x" for validate). */
  tokenFrom(authorization: string | string[] | undefined): FakeToken | undefined {
    const value = Array.isArray(authorization) ? authorization[0] : authorization;
    const given = /^(?:Bearer|OAuth) (\S+)$/i.exec(value ?? '')?.[1];
    const token = given ? this.tokens.get(given) : undefined;
    if (!token || token.revoked || token.expiresAt <= Date.now()) return undefined;
    return token;
  }

  hasGranted(userId: string, scope: string): boolean {
    return this.grants.get(userId)?.has(scope) ?? false;
  }

  isModerator(broadcasterId: string, userId: string): boolean {
    return this.moderators.get(broadcasterId)?.has(userId) ?? false;
  }

  route(callback: string): string {
    for (const { from, to } of this.callbackRoutes) {
      if (callback.startsWith(from)) return to() + callback.slice(from.length);
    }
    return callback;
  }

  newSessionId(): string {
    return `AgoQ${randomBytes(18).toString('base64url')}`;
  }

  newId(): string {
    return randomUUID();
  }
}
