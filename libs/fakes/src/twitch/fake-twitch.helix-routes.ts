import type { ServerResponse } from 'node:http';
import { type FakeRequest, sendHelixError, sendJson } from './fake-http';
import type { FakeToken, FakeTwitchState, FakeTwitchUser } from './fake-twitch.state';
import { handleChannelRoute } from './fake-twitch.channel-routes';

/** Helix's rate-limit headers (800 points a minute), sent with every answer. */
export function rateLimitHeaders(remaining = 799): Record<string, string> {
  return {
    'Ratelimit-Limit': '800',
    'Ratelimit-Remaining': String(remaining),
    'Ratelimit-Reset': String(Math.ceil(Date.now() / 1000) + 60),
  };
}

/**
 * Helix at http://localhost:P/mock/<path> (twurple's mock routing): the endpoints Podium calls,
 * answering with the shapes of dev.twitch.tv/docs/api/reference.
 */
export function handleHelix(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const token = state.tokenFrom(request.headers.authorization);
  if (!token) return sendHelixError(response, 401, 'Invalid OAuth token', rateLimitHeaders());
  if (request.headers['client-id'] !== token.clientId) {
    return sendHelixError(response, 401, 'Client ID and OAuth token do not match', rateLimitHeaders());
  }
  const route = `${request.method} ${request.path.replace(/^\/mock/, '')}`;
  switch (route) {
    case 'GET /users':
      return users(state, token, request, response);
    case 'POST /chat/messages':
      return sendChatMessage(state, token, request, response);
    case 'GET /chat/chatters':
      return chatters(state, token, request, response);
    case 'GET /moderation/moderators':
      return moderators(state, token, request, response);
    case 'DELETE /moderation/chat':
      return deleteChatMessage(state, token, request, response);
    case 'POST /moderation/bans':
      return banUser(state, token, request, response);
    default:
      if (handleChannelRoute(route, state, token, request, response)) return;
      return sendHelixError(response, 404, `the fake has no ${route}`, rateLimitHeaders());
  }
}

function userBody(user: FakeTwitchUser) {
  return {
    id: user.id,
    login: user.login,
    display_name: user.displayName,
    type: '',
    broadcaster_type: '',
    description: '',
    profile_image_url: `https://static-cdn.jtvnw.net/jtv_user_pictures/${user.login}-profile_image-300x300.png`,
    offline_image_url: '',
    view_count: 0,
    created_at: '2019-04-02T17:21:45Z',
  };
}

function users(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const ids = request.all('id');
  const logins = request.all('login').map((login) => login.toLowerCase());
  if (ids.length === 0 && logins.length === 0) {
    const own = token.userId ? state.users.get(token.userId) : undefined;
    if (!own)
      return sendHelixError(response, 400, 'Must provide an ID, Login or OAuth Token', rateLimitHeaders());
    return sendJson(response, 200, { data: [userBody(own)] }, rateLimitHeaders());
  }
  const data = [...state.users.values()]
    .filter((user) => ids.includes(user.id) || logins.includes(user.login))
    .map(userBody);
  sendJson(response, 200, { data }, rateLimitHeaders());
}

/**
 * Send Chat Message: broadcaster_id and sender_id in the query (twurple) or the body (the docs'
 * example); the message at most 500 characters. Drops and 429s are queued by the test.
 */
function sendChatMessage(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const body = (request.json ?? {}) as Record<string, unknown>;
  const broadcasterId = request.params['broadcaster_id'] ?? stringOf(body['broadcaster_id']);
  const senderId = request.params['sender_id'] ?? stringOf(body['sender_id']);
  const message = stringOf(body['message']);
  if (!broadcasterId || !senderId)
    return sendHelixError(response, 400, 'Missing broadcaster_id or sender_id', rateLimitHeaders());
  if (message === undefined || message.trim() === '')
    return sendHelixError(response, 400, 'Missing message', rateLimitHeaders());
  if ([...message].length > 500)
    return sendHelixError(response, 400, 'The message is too long', rateLimitHeaders());
  const asUser = token.userId === senderId && token.scopes.includes('user:write:chat');
  const asApp =
    token.userId === undefined &&
    state.hasGranted(senderId, 'user:bot') &&
    (state.hasGranted(broadcasterId, 'channel:bot') || state.isModerator(broadcasterId, senderId));
  if (!asUser && !asApp) {
    return sendHelixError(
      response,
      401,
      'The sender_id does not match the user in the OAuth token',
      rateLimitHeaders(),
    );
  }
  if (state.rateLimitNext > 0) {
    state.rateLimitNext -= 1;
    // The chat limit, not the Helix points bucket: Ratelimit-Remaining stays above zero.
    return sendHelixError(response, 429, '', rateLimitHeaders());
  }
  const drop = state.dropQueue.shift();
  if (drop) {
    return sendJson(
      response,
      200,
      { data: [{ message_id: '', is_sent: false, drop_reason: drop }] },
      rateLimitHeaders(),
    );
  }
  const messageId = state.newId();
  state.chatMessages.push({ broadcasterId, senderId, message, messageId, at: Date.now() });
  sendJson(response, 200, { data: [{ message_id: messageId, is_sent: true }] }, rateLimitHeaders());
}

function chatters(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const { broadcaster_id: broadcasterId, moderator_id: moderatorId } = request.params;
  if (!broadcasterId || !moderatorId)
    return sendHelixError(response, 400, 'Missing broadcaster_id or moderator_id', rateLimitHeaders());
  if (token.userId !== moderatorId || !token.scopes.includes('moderator:read:chatters')) {
    return sendHelixError(response, 401, 'Missing scope: moderator:read:chatters', rateLimitHeaders());
  }
  const all = state.chatters.get(broadcasterId) ?? [];
  const first = Math.min(1000, Number(request.params['first'] ?? 100));
  const offset = request.params['after']
    ? Number(Buffer.from(request.params['after'], 'base64url').toString())
    : 0;
  const page = all.slice(offset, offset + first);
  const next =
    offset + first < all.length ? Buffer.from(String(offset + first)).toString('base64url') : undefined;
  sendJson(
    response,
    200,
    {
      data: page.map((u) => ({ user_id: u.id, user_login: u.login, user_name: u.displayName })),
      pagination: next ? { cursor: next } : {},
      total: all.length,
    },
    rateLimitHeaders(),
  );
}

function moderators(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const broadcasterId = request.params['broadcaster_id'];
  if (!broadcasterId) return sendHelixError(response, 400, 'Missing broadcaster_id', rateLimitHeaders());
  const scoped =
    token.scopes.includes('moderation:read') || token.scopes.includes('channel:manage:moderators');
  if (token.userId !== broadcasterId || !scoped) {
    return sendHelixError(response, 401, 'Missing scope: moderation:read', rateLimitHeaders());
  }
  const wanted = request.all('user_id');
  const data = [...(state.moderators.get(broadcasterId) ?? [])]
    .filter((id) => wanted.length === 0 || wanted.includes(id))
    .map((id) => state.users.get(id) ?? { id, login: id, displayName: id })
    .map((u) => ({ user_id: u.id, user_login: u.login, user_name: u.displayName }));
  sendJson(response, 200, { data, pagination: {} }, rateLimitHeaders());
}

/** The moderator in the token must be the one named, hold `scope`, and moderate the channel (or own it). */
function moderatorRefusal(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  scope: string,
): string | undefined {
  const { broadcaster_id: broadcasterId, moderator_id: moderatorId } = request.params;
  if (!broadcasterId || !moderatorId) return 'Missing broadcaster_id or moderator_id';
  if (token.userId !== moderatorId) return 'The moderator_id does not match the user in the OAuth token';
  if (!token.scopes.includes(scope)) return `Missing scope: ${scope}`;
  if (moderatorId !== broadcasterId && !state.isModerator(broadcasterId, moderatorId))
    return "The user in moderator_id is not one of the broadcaster's moderators";
  return undefined;
}

/** Delete Chat Messages: one message (message_id) or all of them; 204 on success. */
function deleteChatMessage(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const refusal = moderatorRefusal(state, token, request, 'moderator:manage:chat_messages');
  if (refusal)
    return sendHelixError(response, refusal.startsWith('Missing b') ? 400 : 403, refusal, rateLimitHeaders());
  state.deletedMessages.push({
    broadcasterId: request.params['broadcaster_id'] ?? '',
    moderatorId: request.params['moderator_id'] ?? '',
    messageId: request.params['message_id'] ?? null,
    at: Date.now(),
  });
  response.writeHead(204, rateLimitHeaders()).end();
}

/** Ban User: `{ data: { user_id, duration?, reason? } }`; a duration (1–1209600 s) is a timeout. */
function banUser(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const refusal = moderatorRefusal(state, token, request, 'moderator:manage:banned_users');
  if (refusal)
    return sendHelixError(response, refusal.startsWith('Missing b') ? 400 : 403, refusal, rateLimitHeaders());
  const data = ((request.json ?? {}) as { data?: Record<string, unknown> }).data ?? {};
  const userId = stringOf(data['user_id']);
  const duration = typeof data['duration'] === 'number' ? data['duration'] : undefined;
  if (!userId) return sendHelixError(response, 400, 'Missing user_id', rateLimitHeaders());
  if (duration !== undefined && (duration < 1 || duration > 1_209_600))
    return sendHelixError(response, 400, 'The duration is out of range', rateLimitHeaders());
  const broadcasterId = request.params['broadcaster_id'] ?? '';
  const moderatorId = request.params['moderator_id'] ?? '';
  const ban = {
    broadcasterId,
    moderatorId,
    userId,
    duration: duration ?? null,
    reason: stringOf(data['reason']) ?? '',
    at: Date.now(),
  };
  state.bans.push(ban);
  const now = new Date();
  sendJson(
    response,
    200,
    {
      data: [
        {
          broadcaster_id: broadcasterId,
          moderator_id: moderatorId,
          user_id: userId,
          created_at: now.toISOString(),
          end_time: duration === undefined ? null : new Date(now.getTime() + duration * 1000).toISOString(),
        },
      ],
    },
    rateLimitHeaders(),
  );
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
