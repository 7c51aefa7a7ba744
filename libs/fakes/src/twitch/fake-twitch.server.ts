import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequest, sendAuthError } from './fake-http';
import { handleAuth } from './fake-twitch.auth-routes';
import {
  type DeliverOptions,
  type Delivery,
  acceptWebSocket,
  deliverTo,
  matches,
  verifyCallback,
} from './fake-twitch.eventsub';
import { handleHelix } from './fake-twitch.helix-routes';
import { channelOf, type FakeChannel, type FakeGame, type FakeShoutout } from './fake-twitch.channel-routes';
import {
  type FakeBan,
  type FakeChatMessage,
  type FakeDeletedMessage,
  type FakeSubscription,
  FakeTwitchState,
  type FakeTwitchUser,
  type RecordedRequest,
} from './fake-twitch.state';
import { handleSubscriptions } from './fake-twitch.subscriptions';

export interface FakeTwitchOptions {
  clientId?: string;
  clientSecret?: string;
  users?: FakeTwitchUser[];
}

/**
 * Twitch standing in for tests: one node:http server answering twurple's mock routes
 * (TWURPLE_MOCK_API_PORT=<port>): /auth/* for OAuth, /mock/* for Helix, /eventsub/subscriptions,
 * and the EventSub WebSocket at /ws. It signs and posts EventSub webhooks to the subscriptions'
 * callbacks and records every request. twurple calls http://localhost:P, which may resolve to
 * 127.0.0.1 or ::1, so the server listens on both with the same port.
 */
export class FakeTwitch {
  private readonly state: FakeTwitchState;
  private readonly servers: Server[] = [];
  private pending = new Set<Promise<unknown>>();
  port = 0;

  private constructor(options: FakeTwitchOptions) {
    this.state = new FakeTwitchState(
      options.clientId ?? 'fakeclientid0000000000000000ab',
      options.clientSecret ?? 'fakeclientsecret00000000000gh',
    );
    for (const user of options.users ?? []) this.addUser(user);
  }

  static async start(options: FakeTwitchOptions = {}): Promise<FakeTwitch> {
    const fake = new FakeTwitch(options);
    const first = fake.newServer();
    await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
    fake.port = (first.address() as AddressInfo).port;
    const second = fake.newServer();
    await new Promise<void>((resolve) => {
      second.once('error', () => resolve()); // no IPv6 on this machine: 127.0.0.1 alone serves
      second.listen(fake.port, '::1', resolve);
    });
    return fake;
  }

  get clientId(): string {
    return this.state.clientId;
  }
  get clientSecret(): string {
    return this.state.clientSecret;
  }
  get url(): string {
    return `http://localhost:${this.port}`;
  }
  /**
   * The EventSub WebSocket (TWITCH_EVENTSUB_WS_URL). twurple itself connects to
   * ws://127.0.0.1:<TWURPLE_MOCK_API_PORT>/ws whenever the mock port is set, which is this URL too.
   */
  get webSocketUrl(): string {
    return `ws://127.0.0.1:${this.port}/ws`;
  }
  get requests(): readonly RecordedRequest[] {
    return this.state.requests;
  }
  /** Chat messages Twitch delivered (is_sent true), oldest first. */
  get chatMessages(): readonly FakeChatMessage[] {
    return this.state.chatMessages;
  }
  /** Delete Chat Messages calls accepted, oldest first. */
  get deletedMessages(): readonly FakeDeletedMessage[] {
    return this.state.deletedMessages;
  }
  /** Ban User calls accepted (timeouts carry a duration), oldest first. */
  get bans(): readonly FakeBan[] {
    return this.state.bans;
  }
  /** Send a Shoutout calls accepted, oldest first. */
  get shoutouts(): readonly FakeShoutout[] {
    return this.state.shoutouts;
  }
  /** A channel's title and category as Twitch holds them (undefined for an unknown user). */
  channel(broadcasterId: string): FakeChannel | undefined {
    return channelOf(this.state, broadcasterId);
  }
  /** Makes a category known to Get Games and Search Categories. */
  addGame(game: FakeGame): void {
    this.state.games.push(game);
  }
  /** The next shoutout is refused with this status (429 is Twitch's shoutout cooldown). */
  failNextShoutout(status: number, message: string): void {
    this.state.shoutoutFailures.push({ status, message });
  }
  get subscriptions(): FakeSubscription[] {
    return [...this.state.subscriptions.values()];
  }
  /** Access tokens revoked through /auth/revoke. */
  get revokedTokens(): readonly string[] {
    return this.state.revokedTokens;
  }
  get webSocketSessions(): number {
    return [...this.state.sessions.values()].filter((session) => session.socket.isOpen).length;
  }

  /** Every access and refresh token issued to a user (to check none is stored in plain text). */
  issuedTokensOf(userId: string): string[] {
    return [...this.state.tokens.values()]
      .filter((token) => token.userId === userId)
      .flatMap((token) => [token.accessToken, ...(token.refreshToken ? [token.refreshToken] : [])]);
  }

  addUser(user: FakeTwitchUser): void {
    this.state.users.set(user.id, user);
  }
  /** The account that approves the next authorization in the "browser". */
  signInAs(userId: string): void {
    this.state.signedInUserId = userId;
  }
  /** The next authorization is refused (Twitch redirects back with error=access_denied). */
  denyNextAuthorization(description = 'The user denied you access'): void {
    this.state.denyNext = description;
  }
  /** The next authorization grants all requested scopes but these. */
  withholdScopesOnce(scopes: string[]): void {
    this.state.withheldScopes = scopes;
  }
  setModerators(broadcasterId: string, userIds: string[]): void {
    this.state.moderators.set(broadcasterId, new Set(userIds));
  }
  setChatters(broadcasterId: string, chatters: FakeTwitchUser[]): void {
    this.state.chatters.set(broadcasterId, chatters);
  }
  /** Every access token stops working (as after expiry): the app must use its refresh token. */
  expireAccessTokens(): void {
    for (const token of this.state.tokens.values()) if (token.userId) token.expiresAt = 0;
  }
  /** The next `count` sends are not delivered: `is_sent: false` with this drop reason. */
  dropNextMessages(
    count: number,
    reason = {
      code: 'msg_rejected',
      message: 'Your message is being checked by mods and has not been sent.',
    },
  ): void {
    for (let i = 0; i < count; i += 1) this.state.dropQueue.push(reason);
  }
  /** The next `count` sends are answered 429 Too Many Requests. */
  rateLimitNextMessages(count: number): void {
    this.state.rateLimitNext = count;
  }
  set keepaliveSeconds(seconds: number) {
    this.state.keepaliveSeconds = seconds;
  }
  /** Webhook callbacks under `from` (the app's public https URL) are posted to `to()` instead. */
  routeCallbacks(from: string, to: string | (() => string)): void {
    this.state.callbackRoutes.push({ from, to: typeof to === 'string' ? () => to : to });
  }
  /** Requests to one path, e.g. `requestsTo('POST', '/mock/chat/messages')`. */
  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.state.requests.filter((r) => r.method === method && r.path === path);
  }

  /**
   * Sends an event to every enabled subscription of its type on its channel, as Twitch would;
   * fails when there is none (a test expecting delivery should not pass silently).
   */
  async deliver(
    type: string,
    event: Record<string, unknown>,
    options: DeliverOptions = {},
  ): Promise<Delivery[]> {
    const targets = this.subscriptions.filter((sub) => matches(sub, type, event));
    if (targets.length === 0) throw new Error(`no enabled ${type} subscription for this event's channel`);
    return Promise.all(targets.map((sub) => deliverTo(this.state, sub, 'notification', event, options)));
  }

  /** Twitch's resend of a delivery: the same message id and bytes, signed again. */
  async redeliver(delivery: Delivery): Promise<Delivery> {
    const event = JSON.parse(delivery.transport === 'webhook' ? delivery.rawBody : delivery.frame) as {
      event?: Record<string, unknown>;
      payload?: { event?: Record<string, unknown> };
    };
    return deliverTo(this.state, delivery.subscription, 'notification', event.event ?? event.payload?.event, {
      messageId: delivery.messageId,
      timestamp: delivery.timestamp,
    });
  }

  /** Twitch revokes a subscription (the user removed the app, …): a revocation message, then it is gone. */
  async revoke(subscriptionId: string, status = 'authorization_revoked'): Promise<Delivery> {
    const sub = this.state.subscriptions.get(subscriptionId);
    if (!sub) throw new Error(`no subscription ${subscriptionId}`);
    sub.status = status;
    const delivery = await deliverTo(this.state, sub, 'revocation', undefined);
    this.state.subscriptions.delete(subscriptionId);
    return delivery;
  }

  /** A webhook subscription Twitch already holds (left over from an earlier run), without any call. */
  seedWebhookSubscription(seed: {
    type: string;
    version: string;
    condition: Record<string, string>;
    callback: string;
    secret: string;
    status?: string;
  }): FakeSubscription {
    const sub: FakeSubscription = {
      id: this.state.newId(),
      status: seed.status ?? 'enabled',
      type: seed.type,
      version: seed.version,
      condition: seed.condition,
      transport: { method: 'webhook', callback: seed.callback, secret: seed.secret },
      createdAt: new Date().toISOString(),
    };
    this.state.subscriptions.set(sub.id, sub);
    return sub;
  }

  /** Removes a subscription without telling anyone (Twitch lost it). */
  forgetSubscription(subscriptionId: string): void {
    this.state.subscriptions.delete(subscriptionId);
  }

  /** Drops every EventSub WebSocket without a close frame (a network failure). */
  dropWebSockets(): void {
    for (const session of this.state.sessions.values()) session.socket.terminate();
  }

  /** Waits for callback verifications under way. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    for (const session of this.state.sessions.values()) session.socket.terminate();
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  }

  private newServer(): Server {
    const server = createServer((request, response) => {
      void readRequest(request).then((parsed) => {
        this.state.requests.push({
          method: parsed.method,
          path: parsed.path,
          query: queryOf(parsed.url),
          headers: parsed.headers,
          body: parsed.json ?? (parsed.rawBody === '' ? undefined : parsed.rawBody),
          at: Date.now(),
        });
        if (parsed.path.startsWith('/auth/')) return handleAuth(this.state, parsed, response);
        if (parsed.path === '/eventsub/subscriptions') {
          return handleSubscriptions(this.state, parsed, response, (sub) =>
            this.track(verifyCallback(this.state, sub)),
          );
        }
        if (parsed.path.startsWith('/mock/')) return handleHelix(this.state, parsed, response);
        sendAuthError(response, 404, `the fake has no ${parsed.method} ${parsed.path}`);
      });
    });
    server.on('upgrade', (request, socket) => acceptWebSocket(this.state, request, socket));
    this.servers.push(server);
    return server;
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }
}

/** Each query parameter once, or as a list when it repeats (`id=1&id=2`). */
function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : (values[0] ?? '');
  }
  return query;
}
