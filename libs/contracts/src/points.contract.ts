import { z } from 'zod';
import type { Platform } from './chat.contract';

/** Why a balance moved: every ledger entry has exactly one. */
export const LEDGER_REASONS = [
  'watch',
  'follow',
  'subscription',
  'gift',
  'cheer',
  'raid',
  'donation',
  'kofi',
  'meeting',
  'streak',
  'adjust',
  'redeem',
  'refund',
  'goal',
  'vote',
  'import',
] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];

/**
 * Who counts as present for a cycle's payout. `chatted`: a chat message within the last
 * `presenceWindowMinutes`; `listed`: chatted, or listed by the platform (Twitch chatters, Owncast
 * connected clients).
 */
export const PRESENCE_MODES = ['chatted', 'listed'] as const;
export type PresenceMode = (typeof PRESENCE_MODES)[number];

export const CURRENCY_NAME_MAX_LENGTH = 40;
export const POINTS_PER_CYCLE_MAX = 1_000_000;
export const CYCLE_MINUTES_MAX = 24 * 60;
export const PRESENCE_WINDOW_MINUTES_MAX = 24 * 60;
/** The largest single manual adjustment, either way. */
export const ADJUST_POINTS_MAX = 100_000_000;

/** A workspace's points settings (core block; action points and streaks are further below). */
export const PointsSettingsSchema = z.object({
  /** What the points are called in chat and pages, e.g. "points", "bits of honour". */
  currencyName: z.string().trim().min(1, { message: 'is required' }).max(CURRENCY_NAME_MAX_LENGTH),
  /** Master switch for cycle payouts (action points have their own amounts). */
  cyclesEnabled: z.boolean(),
  /** Points each present viewer earns per cycle (0 pays nothing). */
  pointsPerCycle: z.number().int().min(0).max(POINTS_PER_CYCLE_MAX),
  /** Length of a cycle in minutes (cycles start at multiples of this since the epoch). */
  cycleMinutes: z.number().int().min(1).max(CYCLE_MINUTES_MAX),
  /** How presence is decided (see PRESENCE_MODES). */
  presenceMode: z.enum(PRESENCE_MODES),
  /** A viewer who chatted within this many minutes is present. */
  presenceWindowMinutes: z.number().int().min(1).max(PRESENCE_WINDOW_MINUTES_MAX),
  /** Pay cycles only while a connection is live (its chat counts only while it is live). */
  onlyWhileLive: z.boolean(),
  /** Passive mode: points accrue, no redeems, the bot is silent except `!points`. */
  passive: z.boolean(),
  /** Stream points per meeting point (quiz points and flags), 0 = not converted. Used by action points. */
  meetingPointsRate: z.number().min(0).max(1000),
});
export type PointsSettingsCore = z.infer<typeof PointsSettingsSchema>;

/** The settings as read; fields added by action points and streaks are merged in below. */
export type PointsSettingsDto = PointsSettingsCore;

/** PUT body: any subset of the settings; omitted fields keep their value. */
export const UpdatePointsSettingsRequestSchema = PointsSettingsSchema.partial();
export type UpdatePointsSettingsRequest = z.infer<typeof UpdatePointsSettingsRequestSchema>;

export const DEFAULT_POINTS_SETTINGS: PointsSettingsCore = {
  currencyName: 'points',
  cyclesEnabled: true,
  pointsPerCycle: 10,
  cycleMinutes: 10,
  presenceMode: 'chatted',
  presenceWindowMinutes: 10,
  onlyWhileLive: true,
  passive: false,
  meetingPointsRate: 0,
};

/** A viewer as the points pages show them. */
export interface PointsViewerDto {
  /** Podium's viewer id (the merge target when identities were linked). */
  id: string;
  platform: Platform;
  login: string | null;
  displayName: string;
}

/** One viewer's balance. */
export interface BalanceDto {
  workspaceId: string;
  viewer: PointsViewerDto;
  /** Current balance, never negative. */
  balance: number;
  /** Rank on the leaderboard (1 = most points); null with a zero balance. */
  rank: number | null;
  /** The workspace's currency name, for display. */
  currencyName: string;
}

/** One append-only ledger entry. */
export interface LedgerEntryDto {
  id: string;
  viewerId: string;
  /** Signed: positive credits, negative debits. */
  amount: number;
  reason: LedgerReason;
  /** Idempotency key of what caused it ("event:<id>:follow", "cycle:<key>", "redeem:<id>"…), if any. */
  sourceKey: string | null;
  /** The organizer who made a manual change, if one did. */
  actorUserId: string | null;
  /** Free text (a moderator's reason, a reward's name). */
  note: string | null;
  /** The viewer's balance just after this entry. */
  balanceAfter: number;
  createdAt: string;
}

/** A page of a viewer's history, newest first. */
export interface LedgerPageDto {
  entries: LedgerEntryDto[];
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextCursor: string | null;
}

export const LEDGER_PAGE_MAX = 100;

/** GET /points/viewers/:viewerId/history query. */
export const LedgerHistoryQuerySchema = z.object({
  /** Cursor from a previous page's `nextCursor`. */
  before: z.string().trim().max(100).optional(),
  /** Page size, 1–100 (default 50). */
  limit: z.coerce.number().int().min(1).max(LEDGER_PAGE_MAX).default(50),
});
export type LedgerHistoryQuery = z.infer<typeof LedgerHistoryQuerySchema>;

/** One leaderboard row. */
export interface LeaderboardEntryDto {
  rank: number;
  viewer: PointsViewerDto;
  balance: number;
}

export interface LeaderboardDto {
  currencyName: string;
  entries: LeaderboardEntryDto[];
}

/** GET /points/leaderboard query. */
export const LeaderboardQuerySchema = z.object({
  /** How many rows, 1–100 (default 10). */
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type LeaderboardQuery = z.infer<typeof LeaderboardQuerySchema>;

/** GET /points/balances query: search viewers (by name or login) with their balances. */
export const BalanceSearchQuerySchema = z.object({
  /** Part of a display name or login; empty lists the top balances. */
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type BalanceSearchQuery = z.infer<typeof BalanceSearchQuerySchema>;

export interface BalanceListDto {
  balances: BalanceDto[];
}

/** POST /points/adjust: a moderator's manual change. */
export const AdjustPointsRequestSchema = z.object({
  viewerId: z.string().uuid(),
  /** Signed, non-zero: positive gives, negative takes (refused with 409 if it would go below zero). */
  amount: z
    .number()
    .int()
    .min(-ADJUST_POINTS_MAX)
    .max(ADJUST_POINTS_MAX)
    .refine((n) => n !== 0, { message: 'must not be zero' }),
  /** Why, kept in the ledger's note. */
  reason: z.string().trim().min(1, { message: 'is required' }).max(300),
});
export type AdjustPointsRequest = z.infer<typeof AdjustPointsRequestSchema>;

/** A viewer's balance after it changed. */
export interface PointsBalanceChangeDto {
  viewerId: string;
  balance: number;
}

/**
 * Socket event `points.changed` (organizers' room): the balances that changed since the
 * workspace's last push, each viewer's latest. Pushed on a short tick while changes pour in.
 */
export interface PointsChangedDto {
  workspaceId: string;
  changes: PointsBalanceChangeDto[];
}

// ---- Action points and streaks settings (helper "points-actions" adds fields below) ----

/** Largest amount any single action setting pays. */
export const ACTION_POINTS_MAX = 1_000_000;
/** Streak lengths a bonus may be set at (consecutive streams). */
export const STREAK_BONUS_LENGTH_MIN = 2;
export const STREAK_BONUS_LENGTH_MAX = 1_000;
export const STREAK_BONUSES_MAX = 20;

const actionPoints = z.number().int().min(0).max(ACTION_POINTS_MAX);

/** A bonus paid once when a viewer's streak reaches `length` consecutive streams. */
export const StreakBonusSchema = z.object({
  /** Consecutive streams attended (2–1000). */
  length: z.number().int().min(STREAK_BONUS_LENGTH_MIN).max(STREAK_BONUS_LENGTH_MAX),
  /** Points credited (reason `streak`) when the streak reaches that length. */
  points: z.number().int().min(1).max(ACTION_POINTS_MAX),
});
export type StreakBonusDto = z.infer<typeof StreakBonusSchema>;

/**
 * Points for what viewers do (all integers, 0 = off), and streak bonuses. Read and written at
 * `GET/PUT /api/workspaces/:wid/points/action-settings` (owner/moderator). Meeting points use
 * `PointsSettingsDto.meetingPointsRate`; Ko-fi has its own rate (kofi settings).
 */
export const ActionPointsSettingsSchema = z.object({
  /** A follow (Twitch, Owncast fediverse follow). Paid once per follow event. */
  follow: actionPoints,
  /** A subscription or resubscription at Twitch tier 1 ("1000"); YouTube memberships of any level. */
  subscriptionTier1: actionPoints,
  /** A subscription at Twitch tier 2 ("2000"). */
  subscriptionTier2: actionPoints,
  /** A subscription at Twitch tier 3 ("3000"). */
  subscriptionTier3: actionPoints,
  /** Per subscription given in a gift event, to the giver. */
  perGiftedSub: actionPoints,
  /** Per 100 bits cheered, pro rata and rounded down (250 bits at 100 → 250). */
  per100Bits: actionPoints,
  /** Per viewer a raid brings, to the raiding channel's viewer. */
  perRaidViewer: actionPoints,
  /** Per currency unit of a platform donation (Super Chat, rehearsal), pro rata and rounded down (4.99 at 100 → 499); any currency. */
  perMoneyUnit: actionPoints,
  /** Bonuses at chosen streak lengths, lengths unique; paid once per viewer and stream. */
  streakBonuses: z
    .array(StreakBonusSchema)
    .max(STREAK_BONUSES_MAX)
    .refine((bonuses) => new Set(bonuses.map((b) => b.length)).size === bonuses.length, {
      message: 'lengths must be unique',
    }),
});
export type ActionPointsSettingsDto = z.infer<typeof ActionPointsSettingsSchema>;

/** PUT body: any subset; omitted fields keep their value; `streakBonuses` replaces the whole list. */
export const UpdateActionPointsSettingsRequestSchema = ActionPointsSettingsSchema.partial();
export type UpdateActionPointsSettingsRequest = z.infer<typeof UpdateActionPointsSettingsRequestSchema>;

export const DEFAULT_ACTION_POINTS_SETTINGS: ActionPointsSettingsDto = {
  follow: 50,
  subscriptionTier1: 250,
  subscriptionTier2: 500,
  subscriptionTier3: 1250,
  perGiftedSub: 250,
  per100Bits: 50,
  perRaidViewer: 5,
  perMoneyUnit: 50,
  streakBonuses: [
    { length: 3, points: 50 },
    { length: 5, points: 100 },
    { length: 10, points: 500 },
  ],
};

/**
 * A viewer's streak of consecutive streams (`GET /api/workspaces/:wid/points/viewers/:viewerId/streak`).
 * A stream is a span while any connection of the workspace is live or a meeting is running;
 * attended = chatted, acted (follow, cheer…) or took part in a meeting during it.
 */
export interface StreakDto {
  workspaceId: string;
  /** The viewer after merges. */
  viewerId: string;
  /** Consecutive streams attended up to the latest one; 0 once a stream was missed. */
  current: number;
  /** The longest streak ever. */
  best: number;
  /** Streams attended in total. */
  streamsAttended: number;
  /** When the last attended stream started; null if never. */
  lastStreamAt: string | null;
  /** True while a stream is live and the viewer has already attended it. */
  attendingNow: boolean;
  /** The next bonus the current streak can reach, if any. */
  nextBonus: StreakBonusDto | null;
}
