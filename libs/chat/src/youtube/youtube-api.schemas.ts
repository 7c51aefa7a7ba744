import { z } from 'zod';

/*
 * The YouTube Data API v3 shapes Podium reads, from the liveChatMessages, liveBroadcasts and
 * channels resources (discovery document youtube.v3.json). Only the fields Podium uses are
 * declared; anything else YouTube sends is ignored. Optional where Google omits a field.
 */

/** uint64 values (amountMicros) arrive as JSON strings; accept a plain number too. */
const Uint64Schema = z.union([
  z.string().regex(/^\d{1,20}$/, { message: 'must be a non-negative integer' }),
  z.number().int().nonnegative(),
]);

export const YoutubeAuthorDetailsSchema = z.object({
  channelId: z.string().min(1).max(200),
  channelUrl: z.string().optional(),
  displayName: z.string().max(300),
  profileImageUrl: z.string().optional(),
  isVerified: z.boolean().optional(),
  isChatOwner: z.boolean().optional(),
  isChatSponsor: z.boolean().optional(),
  isChatModerator: z.boolean().optional(),
});
export type YoutubeAuthorDetails = z.infer<typeof YoutubeAuthorDetailsSchema>;

const SuperChatDetailsSchema = z.object({
  amountMicros: Uint64Schema,
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code' }),
  amountDisplayString: z.string().optional(),
  userComment: z.string().optional(),
  tier: z.number().int().nonnegative().optional(),
});

const SuperStickerDetailsSchema = z.object({
  superStickerMetadata: z
    .object({
      stickerId: z.string().optional(),
      altText: z.string().optional(),
      language: z.string().optional(),
    })
    .optional(),
  amountMicros: Uint64Schema,
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code' }),
  amountDisplayString: z.string().optional(),
  tier: z.number().int().nonnegative().optional(),
});

export const YoutubeLiveChatMessageSnippetSchema = z.object({
  type: z.string().min(1),
  liveChatId: z.string().optional(),
  authorChannelId: z.string().optional(),
  publishedAt: z.iso.datetime({ offset: true }),
  hasDisplayContent: z.boolean().optional(),
  displayMessage: z.string().optional(),
  textMessageDetails: z.object({ messageText: z.string() }).optional(),
  superChatDetails: SuperChatDetailsSchema.optional(),
  superStickerDetails: SuperStickerDetailsSchema.optional(),
  newSponsorDetails: z
    .object({ memberLevelName: z.string().optional(), isUpgrade: z.boolean().optional() })
    .optional(),
  memberMilestoneChatDetails: z
    .object({
      userComment: z.string().optional(),
      memberMonth: z.number().int().nonnegative().optional(),
      memberLevelName: z.string().optional(),
    })
    .optional(),
  membershipGiftingDetails: z
    .object({
      giftMembershipsCount: z.number().int().nonnegative(),
      giftMembershipsLevelName: z.string().optional(),
    })
    .optional(),
  giftMembershipReceivedDetails: z
    .object({
      memberLevelName: z.string().optional(),
      gifterChannelId: z.string().optional(),
      associatedMembershipGiftingMessageId: z.string().optional(),
    })
    .optional(),
});

export const YoutubeLiveChatMessageSchema = z.object({
  kind: z.literal('youtube#liveChatMessage').optional(),
  id: z.string().min(1).max(300),
  snippet: YoutubeLiveChatMessageSnippetSchema,
  authorDetails: YoutubeAuthorDetailsSchema.optional(),
});
export type YoutubeLiveChatMessage = z.infer<typeof YoutubeLiveChatMessageSchema>;

/**
 * One page of liveChatMessages.list. Items stay `unknown` here: each is checked on its own, so
 * one odd message does not cost the page.
 */
export const YoutubeLiveChatPageSchema = z.object({
  kind: z.literal('youtube#liveChatMessageListResponse').optional(),
  pollingIntervalMillis: z.number().int().nonnegative().optional(),
  nextPageToken: z.string().min(1).max(1000).optional(),
  /** Set once the stream went offline; the chat ends soon after. */
  offlineAt: z.iso.datetime({ offset: true }).optional(),
  items: z.array(z.unknown()),
});
export type YoutubeLiveChatPage = z.infer<typeof YoutubeLiveChatPageSchema>;

export const YoutubeLiveBroadcastSchema = z.object({
  id: z.string().min(1),
  snippet: z.object({
    channelId: z.string().optional(),
    title: z.string().optional(),
    actualStartTime: z.string().optional(),
    /** Absent when the broadcast has no live chat (disabled, or not started). */
    liveChatId: z.string().min(1).optional(),
  }),
  status: z.object({ lifeCycleStatus: z.string().optional() }).optional(),
});
export type YoutubeLiveBroadcast = z.infer<typeof YoutubeLiveBroadcastSchema>;

export const YoutubeLiveBroadcastListSchema = z.object({
  items: z.array(YoutubeLiveBroadcastSchema),
});

export const YoutubeChannelListSchema = z.object({
  items: z
    .array(z.object({ id: z.string().min(1).max(200), snippet: z.object({ title: z.string().max(300) }) }))
    .optional(),
});

export const YoutubeInsertedMessageSchema = z.object({ id: z.string().min(1) });

/** Google's error envelope: `{"error": {"code", "message", "errors": [{"reason", "domain"}]}}`. */
export const GoogleApiErrorSchema = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string(),
    errors: z
      .array(
        z.object({
          reason: z.string().optional(),
          domain: z.string().optional(),
          message: z.string().optional(),
        }),
      )
      .optional(),
    status: z.string().optional(),
  }),
});

/** The OAuth token endpoint's answer (authorization_code and refresh_token grants). */
export const GoogleTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  /** Only on the first exchange with access_type=offline (and prompt=consent). */
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
  token_type: z.string(),
});
export type GoogleTokenResponse = z.infer<typeof GoogleTokenResponseSchema>;

/** RFC 6749 error answer of the token endpoint (`invalid_grant`, `invalid_client`…). */
export const GoogleOAuthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
