import { z } from 'zod';
import type { Platform } from './chat.contract';
import { REWARD_LIMITS, type RewardType } from './rewards.contract';

/* ---------- enums ---------- */

/** pending → fulfilled | refunded | rejected; nothing else. */
export const REDEMPTION_STATUSES = ['pending', 'fulfilled', 'refunded', 'rejected'] as const;
export const RedemptionStatusSchema = z.enum(REDEMPTION_STATUSES);
export type RedemptionStatus = z.infer<typeof RedemptionStatusSchema>;

/** Where a redeem came from. */
export const REDEEM_SOURCES = ['chat', 'panel', 'api', 'cli'] as const;
export type RedeemSource = (typeof REDEEM_SOURCES)[number];

/* ---------- redeeming ---------- */

export const RedeemRequestSchema = z.object({
  rewardId: z.uuid(),
  /** The viewer's message (required by note rewards and `requiresNote`). */
  note: z.string().trim().max(REWARD_LIMITS.noteMax).optional(),
  /** goal: points to contribute; vote: number of votes (default 1). Ignored by other types. */
  amount: z.number().int().min(1).max(REWARD_LIMITS.priceMax).optional(),
  /** vote: the chosen option's id. */
  optionId: z.string().trim().min(1).max(100).optional(),
  /** Chosen by the client once per click: the same id redeems once (a double click is one redeem). */
  requestId: z.uuid(),
});
export type RedeemRequest = z.input<typeof RedeemRequestSchema>;

/** POST /redeems (moderators, on a viewer's behalf). */
export const ModeratorRedeemRequestSchema = RedeemRequestSchema.extend({ viewerId: z.uuid() });
export type ModeratorRedeemRequest = z.input<typeof ModeratorRedeemRequestSchema>;

/** Why a redeem did not happen. */
export const REDEEM_REFUSALS = [
  /** Not enough points. */
  'insufficient',
  /** A global or per-viewer cooldown runs (see `cooldownSeconds`). */
  'cooldown',
  /** Disabled, or all its categories are inactive. */
  'inactive',
  /** Max per stream or per viewer reached. */
  'limit',
  /** The reward's eligibility excludes this viewer. */
  'not_eligible',
  /** The reward needs a note. */
  'note_required',
  /** Passive mode: points accrue, no redeems. */
  'passive',
  /** The amount or option does not fit the reward (goal below minimum, unknown vote option, …). */
  'invalid',
] as const;
export type RedeemRefusal = (typeof REDEEM_REFUSALS)[number];

/**
 * The outcome of one redeem: `done` (fulfilled at once), `queued` (pending in the queue), or
 * `refused` with the reason. HTTP answers 200 for all three; the same shape from chat and panel.
 */
export type RedeemResultDto =
  | {
      outcome: 'done' | 'queued';
      redemption: RedemptionDto;
      /** The viewer's balance after the debit. */
      balance: number;
    }
  | {
      outcome: 'refused';
      reason: RedeemRefusal;
      /** `cooldown`: whole seconds left (at least 1). */
      cooldownSeconds?: number;
      /** Human-readable (English) detail, e.g. which field or option. */
      message: string;
      /** The viewer's current balance. */
      balance: number;
    };

export interface RedemptionViewerDto {
  id: string;
  displayName: string;
  platform: Platform;
}

export interface RedemptionDto {
  id: string;
  workspaceId: string;
  reward: { id: string; name: string; type: RewardType };
  viewer: RedemptionViewerDto;
  /** Points debited. */
  spent: number;
  note: string | null;
  /** vote: the chosen option. */
  optionId: string | null;
  status: RedemptionStatus;
  source: RedeemSource;
  createdAt: string;
  /** When it left `pending` (null while pending; set at creation when fulfilled at once). */
  decidedAt: string | null;
  /** The organizer who decided; null while pending, for automatic fulfilment or the CLI. */
  decidedBy: { userId: string; displayName: string } | null;
}

/* ---------- queue ---------- */

export const RedemptionQueueQuerySchema = z.object({
  /** Default: pending only. `all` lists every status. */
  status: z.enum([...REDEMPTION_STATUSES, 'all']).default('pending'),
  rewardId: z.uuid().optional(),
  viewerId: z.uuid().optional(),
  /** Cursor: the id of the last row of the previous page. */
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type RedemptionQueueQuery = z.input<typeof RedemptionQueueQuerySchema>;

/** Pending: oldest first (the order to work through); other statuses: newest first. */
export interface RedemptionPageDto {
  redemptions: RedemptionDto[];
  /** Pass as `before` for the next page; null when there is none. */
  nextCursor: string | null;
}

/** POST /redeems/:id/refund | /reject | /fulfil take no body; a second transition answers 409. */

/** POST /redeems/queue/clear: every pending redemption leaves the queue. */
export const ClearQueueRequestSchema = z.object({
  /** true (default): refunded through the ledger; false: rejected, points kept. */
  refund: z.boolean().default(true),
  /** Only this reward's pending redemptions. */
  rewardId: z.uuid().optional(),
});
export type ClearQueueRequest = z.input<typeof ClearQueueRequestSchema>;

export interface ClearQueueResultDto {
  cleared: number;
  status: 'refunded' | 'rejected';
}

/** POST /redeems/counters/reset: counters back to 0 (all rewards, or one). */
export const ResetCountersRequestSchema = z.object({ rewardId: z.uuid().optional() });
export type ResetCountersRequest = z.input<typeof ResetCountersRequestSchema>;

/* ---------- socket ---------- */

/** `redeem.queue` (organizers of the workspace): redemptions created or moved, each with its new status. */
export interface RedeemQueuePayload {
  workspaceId: string;
  redemptions: RedemptionDto[];
}

/** The public queue's view of a redemption (no note, no viewer id). */
export interface PublicRedemptionDto {
  id: string;
  rewardName: string;
  viewerDisplayName: string;
  status: RedemptionStatus;
  createdAt: string;
}

/** `redeem.public` (viewer panels and overlays of the workspace): the public queue changed. */
export interface RedeemPublicPayload {
  workspaceId: string;
  redemptions: PublicRedemptionDto[];
}
