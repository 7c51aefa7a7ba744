import type { ServerResponse } from 'node:http';
import { type FakeRequest, sendHelixError, sendJson } from './fake-http';
import { rateLimitHeaders } from './fake-twitch.helix-routes';
import type { FakeToken, FakeTwitchState } from './fake-twitch.state';

/** A channel's information as Get Channel Information answers it. */
export interface FakeChannel {
  broadcasterId: string;
  title: string;
  gameId: string;
  gameName: string;
  /** Every accepted Modify Channel Information body, oldest first. */
  updates: Record<string, unknown>[];
}

export interface FakeGame {
  id: string;
  name: string;
}

/** A Send a Shoutout call the fake accepted. */
export interface FakeShoutout {
  fromBroadcasterId: string;
  toBroadcasterId: string;
  moderatorId: string;
  at: number;
}

/** Categories the fake knows from the start (ids as on Twitch). */
export const FAKE_GAMES: readonly FakeGame[] = [
  { id: '509658', name: 'Just Chatting' },
  { id: '27471', name: 'Minecraft' },
  { id: '512980', name: 'Fall Guys' },
  { id: '1469308723', name: 'Software and Game Development' },
];

/** Channel routes: GET/PATCH /channels, GET /games, GET /search/categories, POST /chat/shoutouts. */
export function handleChannelRoute(
  route: string,
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): boolean {
  switch (route) {
    case 'GET /channels':
      getChannels(state, request, response);
      return true;
    case 'PATCH /channels':
      patchChannel(state, token, request, response);
      return true;
    case 'GET /games':
      getGames(state, request, response);
      return true;
    case 'GET /search/categories':
      searchCategories(state, request, response);
      return true;
    case 'POST /chat/shoutouts':
      shoutout(state, token, request, response);
      return true;
    default:
      return false;
  }
}

/** The channel of a known user, created blank the first time it is asked for. */
export function channelOf(state: FakeTwitchState, broadcasterId: string): FakeChannel | undefined {
  if (!state.users.has(broadcasterId)) return undefined;
  let channel = state.channels.get(broadcasterId);
  if (!channel) {
    channel = { broadcasterId, title: '', gameId: '', gameName: '', updates: [] };
    state.channels.set(broadcasterId, channel);
  }
  return channel;
}

function channelBody(state: FakeTwitchState, channel: FakeChannel) {
  const user = state.users.get(channel.broadcasterId);
  return {
    broadcaster_id: channel.broadcasterId,
    broadcaster_login: user?.login ?? '',
    broadcaster_name: user?.displayName ?? '',
    broadcaster_language: 'en',
    game_id: channel.gameId,
    game_name: channel.gameName,
    title: channel.title,
    delay: 0,
    tags: [],
    content_classification_labels: [],
    is_branded_content: false,
  };
}

function getChannels(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const ids = request.all('broadcaster_id');
  if (ids.length === 0) return sendHelixError(response, 400, 'Missing broadcaster_id', rateLimitHeaders());
  const data = ids
    .map((id) => channelOf(state, id))
    .filter((channel): channel is FakeChannel => channel !== undefined)
    .map((channel) => channelBody(state, channel));
  sendJson(response, 200, { data }, rateLimitHeaders());
}

/** Modify Channel Information: the broadcaster's own token with channel:manage:broadcast; 204. */
function patchChannel(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const broadcasterId = request.params['broadcaster_id'];
  if (!broadcasterId) return sendHelixError(response, 400, 'Missing broadcaster_id', rateLimitHeaders());
  if (token.userId !== broadcasterId || !token.scopes.includes('channel:manage:broadcast')) {
    return sendHelixError(response, 401, 'Missing scope: channel:manage:broadcast', rateLimitHeaders());
  }
  const channel = channelOf(state, broadcasterId);
  if (!channel) return sendHelixError(response, 400, 'Invalid broadcaster_id', rateLimitHeaders());
  const body = (request.json ?? {}) as Record<string, unknown>;
  const { title, game_id: gameId } = body;
  if (title === undefined && gameId === undefined)
    return sendHelixError(response, 400, 'No fields to update', rateLimitHeaders());
  if (title !== undefined && (typeof title !== 'string' || title.trim() === '' || [...title].length > 140))
    return sendHelixError(response, 400, 'The title is not valid', rateLimitHeaders());
  let game: FakeGame | undefined;
  if (gameId !== undefined && gameId !== '' && gameId !== '0') {
    game = state.games.find((candidate) => candidate.id === gameId);
    if (!game) return sendHelixError(response, 400, 'The game_id is not valid', rateLimitHeaders());
  }
  if (typeof title === 'string') channel.title = title;
  if (gameId !== undefined) {
    channel.gameId = game?.id ?? '';
    channel.gameName = game?.name ?? '';
  }
  channel.updates.push(body);
  response.writeHead(204, rateLimitHeaders());
  response.end();
}

function gameBody(game: FakeGame) {
  return {
    id: game.id,
    name: game.name,
    box_art_url: `https://static-cdn.jtvnw.net/ttv-boxart/${game.id}-{width}x{height}.jpg`,
    igdb_id: '',
  };
}

/** Get Games by exact name (case-insensitive here) or id. */
function getGames(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const names = request.all('name').map((name) => name.toLowerCase());
  const ids = request.all('id');
  if (names.length === 0 && ids.length === 0)
    return sendHelixError(response, 400, 'Missing id, name or igdb_id', rateLimitHeaders());
  const data = state.games
    .filter((game) => names.includes(game.name.toLowerCase()) || ids.includes(game.id))
    .map(gameBody);
  sendJson(response, 200, { data, pagination: {} }, rateLimitHeaders());
}

/** Search Categories: every category whose name contains the query. */
function searchCategories(state: FakeTwitchState, request: FakeRequest, response: ServerResponse): void {
  const query = (request.params['query'] ?? '').toLowerCase().trim();
  if (!query) return sendHelixError(response, 400, 'Missing query', rateLimitHeaders());
  const data = state.games
    .filter((game) => game.name.toLowerCase().includes(query))
    .map(({ id, name }) => ({ id, name, box_art_url: gameBody({ id, name }).box_art_url }));
  sendJson(response, 200, { data, pagination: {} }, rateLimitHeaders());
}

/** Send a Shoutout: a moderator (or the broadcaster) with moderator:manage:shoutouts; 204. */
function shoutout(
  state: FakeTwitchState,
  token: FakeToken,
  request: FakeRequest,
  response: ServerResponse,
): void {
  const { from_broadcaster_id: from, to_broadcaster_id: to, moderator_id: moderatorId } = request.params;
  if (!from || !to || !moderatorId)
    return sendHelixError(
      response,
      400,
      'Missing from_broadcaster_id, to_broadcaster_id or moderator_id',
      rateLimitHeaders(),
    );
  const moderates = moderatorId === from || state.isModerator(from, moderatorId);
  if (token.userId !== moderatorId || !token.scopes.includes('moderator:manage:shoutouts') || !moderates) {
    return sendHelixError(response, 401, 'Missing scope: moderator:manage:shoutouts', rateLimitHeaders());
  }
  if (from === to)
    return sendHelixError(
      response,
      400,
      'The broadcaster may not give themselves a Shoutout.',
      rateLimitHeaders(),
    );
  if (!state.users.has(to))
    return sendHelixError(response, 400, 'Invalid to_broadcaster_id', rateLimitHeaders());
  const failure = state.shoutoutFailures.shift();
  if (failure) return sendHelixError(response, failure.status, failure.message, rateLimitHeaders());
  state.shoutouts.push({ fromBroadcasterId: from, toBroadcasterId: to, moderatorId, at: Date.now() });
  response.writeHead(204, rateLimitHeaders());
  response.end();
}
