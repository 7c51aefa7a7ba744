import type { ServerResponse } from 'node:http';
import { type FakeRequest, sendHelixError, sendJson } from './fake-http';
import { rateLimitHeaders } from './fake-twitch.helix-routes';
import type { FakeSubscription, FakeToken, FakeTransport, FakeTwitchState } from './fake-twitch.state';
import { recordTestSecret } from '../test-secrets';

/** What each type needs (dev.twitch.tv/docs/eventsub/eventsub-subscription-types: "Authorization"). */
const TYPES: Record<
  string,
  { version: string; condition: string[]; authorizer?: string; anyScope?: string[] }
> = {
  'channel.chat.message': {
    version: '1',
    condition: ['broadcaster_user_id', 'user_id'],
    authorizer: 'user_id',
    anyScope: ['user:read:chat'],
  },
  'channel.follow': {
    version: '2',
    condition: ['broadcaster_user_id', 'moderator_user_id'],
    authorizer: 'moderator_user_id',
    anyScope: ['moderator:read:followers', 'moderator:manage:followers'],
  },
  'channel.subscribe': subscriptions(),
  'channel.subscription.gift': subscriptions(),
  'channel.subscription.message': subscriptions(),
  'channel.cheer': {
    version: '1',
    condition: ['broadcaster_user_id'],
    authorizer: 'broadcaster_user_id',
    anyScope: ['bits:read'],
  },
  'channel.raid': { version: '1', condition: ['to_broadcaster_user_id'] },
  'stream.online': { version: '1', condition: ['broadcaster_user_id'] },
  'stream.offline': { version: '1', condition: ['broadcaster_user_id'] },
  'channel.channel_points_custom_reward_redemption.add': {
    version: '1',
    condition: ['broadcaster_user_id'],
    authorizer: 'broadcaster_user_id',
    anyScope: ['channel:read:redemptions', 'channel:manage:redemptions'],
  },
};

function subscriptions() {
  return {
    version: '1',
    condition: ['broadcaster_user_id'],
    authorizer: 'broadcaster_user_id',
    anyScope: ['channel:read:subscriptions'],
  };
}

/** The subscription as Twitch shows it: the webhook secret is never echoed. */
export function publicSubscription(sub: FakeSubscription) {
  const transport =
    sub.transport.method === 'webhook'
      ? { method: 'webhook', callback: sub.transport.callback }
      : {
          method: 'websocket',
          session_id: sub.transport.session_id,
          connected_at: sub.transport.connected_at,
        };
  return {
    id: sub.id,
    status: sub.status,
    type: sub.type,
    version: sub.version,
    condition: sub.condition,
    transport,
    created_at: sub.createdAt,
    cost: 0,
  };
}

/**
 * /eventsub/subscriptions (twurple calls it without the /mock prefix): list, create, delete.
 * `onWebhookCreated` runs the callback verification, as Twitch does right after answering.
 */
export function handleSubscriptions(
  state: FakeTwitchState,
  request: FakeRequest,
  response: ServerResponse,
  onWebhookCreated: (sub: FakeSubscription) => void,
): void {
  const token = state.tokenFrom(request.headers.authorization);
  if (!token) return sendHelixError(response, 401, 'Invalid OAuth token', rateLimitHeaders());
  if (request.headers['client-id'] !== token.clientId) {
    return sendHelixError(response, 401, 'Client ID and OAuth token do not match', rateLimitHeaders());
  }
  switch (request.method) {
    case 'GET':
      return list(state, token, request, response);
    case 'POST':
      return create(state, token, request, response, onWebhookCreated);
    case 'DELETE': {
      const sub = state.subscriptions.get(request.params['id'] ?? '');
      if (!sub || !visibleTo(sub, token))
        return sendHelixError(response, 404, 'subscription not found', rateLimitHeaders());
      state.subscriptions.delete(sub.id);
      response.writeHead(204, rateLimitHeaders());
      return void response.end();
    }
    default:
      return sendHelixError(response, 404, 'no such route', rateLimitHeaders());
  }
}

/** An app token sees webhook subscriptions; a user token sees that user's WebSocket ones. */
function visibleTo(sub: FakeSubscription, token: FakeToken): boolean {
  return token.userId === undefined ? sub.transport.method === 'webhook' : sub.ownerUserId === token.userId;
}

function list(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const { status, type, user_id: userId } = request.params;
  const data = [...state.subscriptions.values()]
    .filter((sub) => visibleTo(sub, token))
    .filter((sub) => !status || sub.status === status)
    .filter((sub) => !type || sub.type === type)
    .filter((sub) => !userId || Object.values(sub.condition).includes(userId))
    .map(publicSubscription);
  sendJson(
    response,
    200,
    { data, total: data.length, total_cost: 0, max_total_cost: 10_000, pagination: {} },
    rateLimitHeaders(),
  );
}

function create(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
  onWebhookCreated: (sub: FakeSubscription) => void,
): void {
  const body = (request.json ?? {}) as {
    type?: string;
    version?: string;
    condition?: Record<string, string>;
    transport?: Record<string, string>;
  };
  const spec = body.type ? TYPES[body.type] : undefined;
  const fail = (status: number, message: string) =>
    sendHelixError(response, status, message, rateLimitHeaders());
  if (!spec || !body.type) return fail(400, `unknown subscription type "${body.type ?? ''}"`);
  if (body.version !== spec.version)
    return fail(400, `unsupported version "${body.version ?? ''}" for ${body.type}`);
  const condition = body.condition ?? {};
  const missing = spec.condition.filter((key) => !condition[key]);
  if (missing.length > 0) return fail(400, `condition is missing ${missing.join(', ')}`);
  const transport = transportOf(state, token, body.transport ?? {});
  if (typeof transport === 'string') return fail(400, transport);
  const authorizer = spec.authorizer ? condition[spec.authorizer] : undefined;
  if (
    authorizer &&
    spec.anyScope &&
    !authorized(state, token, transport, authorizer, spec.anyScope, body.type, condition)
  ) {
    return fail(403, 'subscription missing proper authorization');
  }
  const duplicate = [...state.subscriptions.values()].some(
    (sub) =>
      sub.type === body.type &&
      JSON.stringify(sub.condition) === JSON.stringify(condition) &&
      sub.transport.method === transport.method &&
      (sub.transport.method === 'webhook' ||
        (transport.method === 'websocket' && sub.transport.session_id === transport.session_id)),
  );
  if (duplicate) return fail(409, 'subscription already exists');
  const sub: FakeSubscription = {
    id: state.newId(),
    status: transport.method === 'webhook' ? 'webhook_callback_verification_pending' : 'enabled',
    type: body.type,
    version: spec.version,
    condition,
    transport,
    createdAt: new Date().toISOString(),
    ownerUserId: token.userId,
  };
  state.subscriptions.set(sub.id, sub);
  const count = state.subscriptions.size;
  sendJson(
    response,
    202,
    { data: [publicSubscription(sub)], total: count, total_cost: 0, max_total_cost: 10_000 },
    rateLimitHeaders(),
  );
  if (transport.method === 'webhook') onWebhookCreated(sub);
}

function transportOf(
  state: FakeTwitchState,
  token: FakeToken,
  raw: Record<string, string>,
): FakeTransport | string {
  if (raw['method'] === 'webhook') {
    if (token.userId !== undefined) return 'webhook subscriptions need an app access token';
    if (!raw['callback']?.startsWith('https://')) return 'the callback must be an https URL';
    const secret = raw['secret'] ?? '';
    if (secret.length < 10 || secret.length > 100) return 'the secret must be 10-100 characters';
    recordTestSecret('eventsub-secret', secret);
    return { method: 'webhook', callback: raw['callback'], secret };
  }
  if (raw['method'] === 'websocket') {
    if (token.userId === undefined) return 'websocket subscriptions need a user access token';
    const session = state.sessions.get(raw['session_id'] ?? '');
    if (!session || !session.socket.isOpen) return 'the websocket session does not exist or has disconnected';
    return { method: 'websocket', session_id: session.id, connected_at: session.connectedAt };
  }
  return `unsupported transport method "${raw['method'] ?? ''}"`;
}

/** Webhooks rely on what the user granted the app; WebSockets on the token's own user and scopes. */
function authorized(
  state: FakeTwitchState,
  token: FakeToken,
  transport: FakeTransport,
  userId: string,
  anyScope: string[],
  type: string,
  condition: Record<string, string>,
): boolean {
  if (transport.method === 'websocket') {
    return token.userId === userId && anyScope.some((scope) => token.scopes.includes(scope));
  }
  if (!anyScope.some((scope) => state.hasGranted(userId, scope))) return false;
  if (type !== 'channel.chat.message') return true;
  // Reading chat as the app: the chatter allows user:bot, the channel channel:bot (or made them a moderator).
  const broadcasterId = condition['broadcaster_user_id'] ?? '';
  return (
    state.hasGranted(userId, 'user:bot') &&
    (userId === broadcasterId ||
      state.hasGranted(broadcasterId, 'channel:bot') ||
      state.isModerator(broadcasterId, userId))
  );
}
