import { randomBytes } from 'node:crypto';
import {
  type FakeLiveChatMessage,
  type FakeYoutubeAuthor,
  YOUTUBE_LIVE_CHAT_ENDED,
  YOUTUBE_LIVE_CHAT_NOT_FOUND,
  YOUTUBE_MESSAGE_TEXT_INVALID,
  youtubeChatEnded,
  youtubeTextMessage,
} from './youtube-fixtures';

export interface FakeBroadcast {
  id: string;
  liveChatId: string;
  title: string;
  actualStartTime: string;
}

/** An answer the fake gives as is: a JSON value, or a raw string (for malformed bodies). */
export interface FakeAnswer {
  status: number;
  body: unknown;
}

/** `live`: polls get new items; `ending`: the next poll gets chatEndedEvent + offlineAt; `ended`: 403. */
type ChatPhase = 'live' | 'ending' | 'ended';

interface FakeChat {
  broadcast: FakeBroadcast;
  items: FakeLiveChatMessage[];
  phase: ChatPhase;
  offlineAt?: string;
}

const MAX_TEXT_LENGTH = 200;

/**
 * Live broadcasts and their chats. A chat is a log of items; a page token stands for a position
 * in it, so polling with a token returns what was posted since, and polling again with an old
 * token replays (as YouTube does when a client retries with a token it already used).
 */
export class FakeYoutubeChats {
  /** What every page says about when to poll next. */
  pollingIntervalMillis = 5037;
  private readonly chats = new Map<string, FakeChat>();
  private readonly tokens = new Map<string, { liveChatId: string; index: number }>();
  private readonly scripted: FakeAnswer[] = [];
  /** Where each chat's last page with items began, for `replayNextList`. */
  private readonly lastPageStart = new Map<string, number>();
  private replayNext = false;
  private current?: FakeChat;

  /** Starts a broadcast with a fresh live chat; it is the active broadcast until `endStream`. */
  goLive(options: Partial<FakeBroadcast> = {}): FakeBroadcast {
    const suffix = randomBytes(6).toString('base64url');
    const broadcast: FakeBroadcast = {
      id: options.id ?? `fakeBc${suffix}`,
      liveChatId: options.liveChatId ?? `KicKGFVDfakeLiveChat${suffix}`,
      title: options.title ?? 'Fake stream',
      actualStartTime: options.actualStartTime ?? new Date().toISOString(),
    };
    this.current = { broadcast, items: [], phase: 'live' };
    this.chats.set(broadcast.liveChatId, this.current);
    return broadcast;
  }

  /** Appends items to the current chat (they stamp its liveChatId). */
  post(...items: FakeLiveChatMessage[]): void {
    const chat = this.requireCurrent();
    for (const item of items) {
      chat.items.push({ ...item, snippet: { ...item.snippet, liveChatId: chat.broadcast.liveChatId } });
    }
  }

  /**
   * The stream stops. By default the next poll gets the last items, a chatEndedEvent and
   * `offlineAt`, and later polls 403 liveChatEnded; `abrupt` skips straight to the 403.
   */
  endStream(options: { abrupt?: boolean } = {}): void {
    const chat = this.requireCurrent();
    chat.offlineAt = new Date().toISOString();
    chat.phase = options.abrupt ? 'ended' : 'ending';
    this.current = undefined;
  }

  /** The next liveChatMessages.list requests get these answers, in order (quotaExceeded, garbage…). */
  scriptNextList(...answers: FakeAnswer[]): void {
    this.scripted.push(...answers);
  }

  /** The next list request gets the last page that had items again (plus anything newer), whatever its token. */
  replayNextList(): void {
    this.replayNext = true;
  }

  activeBroadcasts(): FakeBroadcast[] {
    return this.current ? [this.current.broadcast] : [];
  }

  itemsOf(liveChatId: string): FakeLiveChatMessage[] {
    return this.chats.get(liveChatId)?.items ?? [];
  }

  /** GET /liveChat/messages. */
  list(query: URLSearchParams): FakeAnswer {
    const scripted = this.scripted.shift();
    if (scripted) return scripted;
    const chat = this.chats.get(query.get('liveChatId') ?? '');
    if (!chat) return { status: 404, body: YOUTUBE_LIVE_CHAT_NOT_FOUND };
    if (chat.phase === 'ended') return { status: 403, body: YOUTUBE_LIVE_CHAT_ENDED };
    const token = query.get('pageToken');
    const replayFrom = this.replayNext ? this.lastPageStart.get(chat.broadcast.liveChatId) : undefined;
    this.replayNext = false;
    const position =
      replayFrom !== undefined
        ? { liveChatId: chat.broadcast.liveChatId, index: replayFrom }
        : token
          ? this.tokens.get(token)
          : { liveChatId: chat.broadcast.liveChatId, index: 0 };
    if (!position || position.liveChatId !== chat.broadcast.liveChatId) {
      return { status: 400, body: pageTokenInvalid() };
    }
    const maxResults = Math.min(Math.max(Number(query.get('maxResults') ?? 500) || 500, 200), 2000);
    if (chat.phase === 'ending') {
      chat.items.push(youtubeChatEnded(chat.broadcast.liveChatId));
      chat.phase = 'ended';
    }
    const items = chat.items.slice(position.index, position.index + maxResults);
    if (items.length > 0) this.lastPageStart.set(chat.broadcast.liveChatId, position.index);
    return {
      status: 200,
      body: {
        kind: 'youtube#liveChatMessageListResponse',
        etag: randomBytes(12).toString('base64url'),
        pollingIntervalMillis: this.pollingIntervalMillis,
        ...(chat.offlineAt ? { offlineAt: chat.offlineAt } : {}),
        pageInfo: { totalResults: items.length, resultsPerPage: items.length },
        nextPageToken: this.tokenFor(chat, position.index + items.length),
        items,
      },
    };
  }

  /** POST /liveChat/messages?part=snippet: the message appears in the chat, written by the channel. */
  insert(body: unknown, channel: FakeYoutubeAuthor): FakeAnswer {
    const snippet = (body as { snippet?: Record<string, unknown> } | undefined)?.snippet;
    const text = (snippet?.['textMessageDetails'] as { messageText?: unknown } | undefined)?.messageText;
    const chat = this.chats.get(typeof snippet?.['liveChatId'] === 'string' ? snippet['liveChatId'] : '');
    if (
      !snippet ||
      snippet['type'] !== 'textMessageEvent' ||
      typeof text !== 'string' ||
      text.trim() === ''
    ) {
      return { status: 400, body: YOUTUBE_MESSAGE_TEXT_INVALID };
    }
    if (!chat) return { status: 404, body: YOUTUBE_LIVE_CHAT_NOT_FOUND };
    if (chat.phase !== 'live') return { status: 403, body: YOUTUBE_LIVE_CHAT_ENDED };
    if ([...text].length > MAX_TEXT_LENGTH) return { status: 400, body: YOUTUBE_MESSAGE_TEXT_INVALID };
    const item = youtubeTextMessage({ ...channel, isChatOwner: true }, text, {
      liveChatId: chat.broadcast.liveChatId,
    });
    chat.items.push(item);
    // insert answers with the resource's snippet (no authorDetails part was asked for).
    const { authorDetails: _, ...resource } = item;
    return { status: 200, body: resource };
  }

  private tokenFor(chat: FakeChat, index: number): string {
    const token = `GN-fake${randomBytes(9).toString('base64url')}`;
    this.tokens.set(token, { liveChatId: chat.broadcast.liveChatId, index });
    return token;
  }

  private requireCurrent(): FakeChat {
    if (!this.current) throw new Error('no broadcast is live: call goLive() first');
    return this.current;
  }
}

function pageTokenInvalid() {
  const message = 'The request specifies an invalid page token.';
  return {
    error: {
      code: 400,
      message,
      errors: [{ message, domain: 'youtube.parameter', reason: 'pageTokenInvalid' }],
    },
  };
}
