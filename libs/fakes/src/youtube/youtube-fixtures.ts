/**
 * Bodies the fake YouTube answers and builders for chat items. Shapes follow
 * apps/api/test/fixtures/youtube (sources in apps/api/test/fixtures/SOURCES.md, "YouTube"): the
 * liveChatMessage and liveBroadcast resources and Google's error envelope.
 */

export interface FakeYoutubeAuthor {
  channelId: string;
  displayName: string;
  isChatOwner?: boolean;
  isChatModerator?: boolean;
  isChatSponsor?: boolean;
}

/** A liveChatMessage resource as liveChatMessages.list returns it (part=id,snippet,authorDetails). */
export interface FakeLiveChatMessage {
  kind: 'youtube#liveChatMessage';
  etag: string;
  id: string;
  snippet: { type: string; liveChatId: string; publishedAt: string } & Record<string, unknown>;
  authorDetails?: Record<string, unknown>;
}

let sequence = 0;

function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${Date.now().toString(36)}${sequence.toString(36).padStart(4, '0')}`;
}

/** YouTube's timestamps carry microseconds and a +00:00 offset ("2026-03-14T19:02:11.306512+00:00"). */
export function youtubeTimestamp(at = new Date()): string {
  return at.toISOString().replace('Z', '000+00:00');
}

export function authorDetailsOf(author: FakeYoutubeAuthor): Record<string, unknown> {
  return {
    channelId: author.channelId,
    channelUrl: `http://www.youtube.com/channel/${author.channelId}`,
    displayName: author.displayName,
    profileImageUrl: `https://yt3.ggpht.com/ytc/fake-${author.channelId}=s88-c-k-c0x00ffffff-no-rj`,
    isVerified: false,
    isChatOwner: author.isChatOwner ?? false,
    isChatSponsor: author.isChatSponsor ?? false,
    isChatModerator: author.isChatModerator ?? false,
  };
}

/** A textMessageEvent item; `liveChatId` is filled in by the fake when the item is posted. */
export function youtubeTextMessage(
  author: FakeYoutubeAuthor,
  text: string,
  options: { id?: string; liveChatId?: string; at?: Date } = {},
): FakeLiveChatMessage {
  return {
    kind: 'youtube#liveChatMessage',
    etag: nextId('etag'),
    id: options.id ?? nextId('LCC.fake'),
    snippet: {
      type: 'textMessageEvent',
      liveChatId: options.liveChatId ?? '',
      authorChannelId: author.channelId,
      publishedAt: youtubeTimestamp(options.at),
      hasDisplayContent: true,
      displayMessage: text,
      textMessageDetails: { messageText: text },
    },
    authorDetails: authorDetailsOf(author),
  };
}

/** The chatEndedEvent YouTube appends when the broadcast's chat closes (no author, no display content). */
export function youtubeChatEnded(liveChatId: string): FakeLiveChatMessage {
  return {
    kind: 'youtube#liveChatMessage',
    etag: nextId('etag'),
    id: nextId('LCC.ended'),
    snippet: {
      type: 'chatEndedEvent',
      liveChatId,
      publishedAt: youtubeTimestamp(),
      hasDisplayContent: false,
    },
  };
}

export interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    errors: { message: string; domain: string; reason: string }[];
  };
}

function googleError(code: number, domain: string, reason: string, message: string): GoogleErrorBody {
  return { error: { code, message, errors: [{ message, domain, reason }] } };
}

/** apps/api/test/fixtures/youtube/error.quotaExceeded.json (403). */
export const YOUTUBE_QUOTA_EXCEEDED = googleError(
  403,
  'youtube.quota',
  'quotaExceeded',
  'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
);

/** liveChatMessages.list / insert errors (developers.google.com/youtube/v3/live/docs/errors). */
export const YOUTUBE_LIVE_CHAT_ENDED = googleError(
  403,
  'youtube.liveChat',
  'liveChatEnded',
  'The live chat is no longer live.',
);
export const YOUTUBE_LIVE_CHAT_NOT_FOUND = googleError(
  404,
  'youtube.liveChat',
  'liveChatNotFound',
  'The live chat that you are trying to retrieve cannot be found.',
);
export const YOUTUBE_MESSAGE_TEXT_INVALID = googleError(
  400,
  'youtube.liveChat',
  'messageTextInvalid',
  'The message text is invalid.',
);
export const YOUTUBE_INCOMPATIBLE_PARAMETERS = googleError(
  400,
  'youtube.parameter',
  'incompatibleParameters',
  'Incompatible parameters specified in the request: mine, broadcastStatus.',
);

/** What Google answers a missing, expired or revoked access token. */
export const GOOGLE_AUTH_ERROR = {
  error: {
    code: 401,
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    errors: [
      {
        message: 'Invalid Credentials',
        domain: 'global',
        reason: 'authError',
        location: 'Authorization',
        locationType: 'header',
      },
    ],
    status: 'UNAUTHENTICATED',
  },
};
