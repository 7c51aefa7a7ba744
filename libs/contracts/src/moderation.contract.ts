import { z } from 'zod';
import { type Platform, VIEWER_ROLES } from './chat.contract';

/** What moderation does to a message that breaks a rule (and to its author). */
export const MODERATION_ACTION_TYPES = ['delete', 'timeout', 'ban'] as const;
export type ModerationActionType = (typeof MODERATION_ACTION_TYPES)[number];

/** Twitch's bounds for a timeout: one second to two weeks. */
export const MODERATION_TIMEOUT_MIN_SECONDS = 1;
export const MODERATION_TIMEOUT_MAX_SECONDS = 1_209_600;

/** `delete` removes the message; `timeout` also silences the author for `seconds`; `ban` for good. */
export const ModerationActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delete') }),
  z.object({
    type: z.literal('timeout'),
    /** How long the author may not write, 1 s to 14 days. */
    seconds: z.number().int().min(MODERATION_TIMEOUT_MIN_SECONDS).max(MODERATION_TIMEOUT_MAX_SECONDS),
  }),
  z.object({ type: z.literal('ban') }),
]);
export type ModerationAction = z.infer<typeof ModerationActionSchema>;

/** The filters a verdict can come from. */
export const MODERATION_RULES = ['banned_term', 'link', 'caps', 'spam'] as const;
export type ModerationRule = (typeof MODERATION_RULES)[number];

/**
 * How a banned term is written. `word`: a whole word or phrase, any case; `wildcard`: `*` is any
 * run of non-space characters and `?` one character; `regex`: RE2 syntax (no backreferences or
 * lookarounds), checked on save for catastrophic backtracking.
 */
export const BANNED_TERM_KINDS = ['word', 'wildcard', 'regex'] as const;
export type BannedTermKind = (typeof BANNED_TERM_KINDS)[number];
export const BANNED_TERM_MAX_LENGTH = 200;

const ViewerRoleSchema = z.enum(VIEWER_ROLES);
/** Optional warning posted in chat after an action; `{user}` is the author, `{rule}` the rule. */
const WarningSchema = z.string().trim().max(300).nullable();

export const BannedTermSchema = z.object({
  kind: z.enum(BANNED_TERM_KINDS),
  /** The word, wildcard or regular expression (at most 200 characters). */
  pattern: z.string().trim().min(1, { message: 'is required' }).max(BANNED_TERM_MAX_LENGTH),
});
export type BannedTerm = z.infer<typeof BannedTermSchema>;

/** Fields every filter has. */
const filterShape = {
  enabled: z.boolean(),
  action: ModerationActionSchema,
  warning: WarningSchema,
};

export const ModerationSettingsSchema = z.object({
  /** Master switch: off means no message is looked at. */
  enabled: z.boolean(),
  /** Roles never moderated (default broadcaster and moderator). */
  exemptRoles: z.array(ViewerRoleSchema).max(VIEWER_ROLES.length),
  bannedTerms: z.object({
    ...filterShape,
    terms: z.array(BannedTermSchema).max(500),
  }),
  links: z.object({
    ...filterShape,
    /** Domains whose links pass, subdomains included (`example.com` allows `www.example.com`). */
    allowedDomains: z.array(z.string().trim().toLowerCase().min(1).max(253)).max(200),
    /** Roles that may post any link (e.g. vip, subscriber). */
    allowedRoles: z.array(ViewerRoleSchema).max(VIEWER_ROLES.length),
  }),
  caps: z.object({
    ...filterShape,
    /** Messages with fewer letters than this are never judged for caps. */
    minLetters: z.number().int().min(1).max(500),
    /** Most uppercase letters allowed, as a percentage of the letters. */
    maxPercent: z.number().int().min(1).max(100),
  }),
  spam: z.object({
    ...filterShape,
    /** The same character more than this many times in a row is spam (`null`: not checked). */
    maxRepeatedChars: z.number().int().min(2).max(500).nullable(),
    /** The same word more than this many times in one message is spam (`null`: not checked). */
    maxRepeatedWords: z.number().int().min(2).max(500).nullable(),
    /** More emotes than this in one message is spam (`null`: not checked). */
    maxEmotes: z.number().int().min(0).max(500).nullable(),
    /** Messages longer than this many characters are spam (`null`: not checked). */
    maxLength: z.number().int().min(1).max(5_000).nullable(),
  }),
});
/** What `GET /api/workspaces/:wid/bots/moderation` returns and `PUT` takes (the whole settings). */
export type ModerationSettingsDto = z.infer<typeof ModerationSettingsSchema>;
/** `PUT` body. Regexes are compiled on save: a bad one is a 400 naming `bannedTerms.terms.<i>.pattern`. */
export const UpdateModerationSettingsSchema = ModerationSettingsSchema;
export type UpdateModerationSettingsRequest = z.input<typeof UpdateModerationSettingsSchema>;

/** What a workspace starts with: everything off, broadcaster and moderators exempt. */
export const DEFAULT_MODERATION_SETTINGS: ModerationSettingsDto = {
  enabled: false,
  exemptRoles: ['broadcaster', 'moderator'],
  bannedTerms: { enabled: true, action: { type: 'delete' }, warning: null, terms: [] },
  links: {
    enabled: false,
    action: { type: 'delete' },
    warning: '{user}, links are not allowed here',
    allowedDomains: [],
    allowedRoles: [],
  },
  caps: { enabled: false, action: { type: 'delete' }, warning: null, minLetters: 10, maxPercent: 70 },
  spam: {
    enabled: false,
    action: { type: 'delete' },
    warning: null,
    maxRepeatedChars: 15,
    maxRepeatedWords: 10,
    maxEmotes: 15,
    maxLength: 400,
  },
};

/** `done`: the platform acted; `failed`: it refused or did not answer; `not_supported`: it cannot. */
export const MODERATION_OUTCOMES = ['done', 'failed', 'not_supported'] as const;
export type ModerationOutcomeStatus = (typeof MODERATION_OUTCOMES)[number];

/** One action moderation took, for the moderation log. */
export interface ModerationLogEntryDto {
  id: string;
  workspaceId: string;
  /** When the action was taken (ISO). */
  at: string;
  platform: Platform;
  connectionId: string;
  /** The message's chat event (the merged chat log's id); null once its connection was removed. */
  eventId: string | null;
  viewerId: string | null;
  viewerDisplayName: string;
  messageText: string;
  rule: ModerationRule;
  /** What matched, in words: the banned term, the link's domain, "82 % capitals"… */
  ruleDetail: string;
  action: ModerationAction;
  outcome: ModerationOutcomeStatus;
  /** Why it failed or is not supported (or what was done instead); null when done. */
  outcomeDetail: string | null;
}

export const ModerationLogQuerySchema = z.object({
  /** Entries older than this one (paging back). */
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ModerationLogQuery = z.input<typeof ModerationLogQuerySchema>;

/** Newest first. */
export interface ModerationLogPageDto {
  entries: ModerationLogEntryDto[];
}

/** Attendees and organizers of a meeting: moderation hid an in-room line; drop it from view. */
export interface InroomHiddenPayload {
  meetingId: string;
  /** The `InroomChatMessageDto.id` of the hidden line. */
  messageId: string;
}
