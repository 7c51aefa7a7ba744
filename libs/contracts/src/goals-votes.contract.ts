import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Goals (Tlapbot's "milestone"): viewers contribute any amount toward a collective target.
// ---------------------------------------------------------------------------------------------

export const GOAL_MAX_TARGET = 1_000_000_000;
export const GOAL_MAX_MILESTONES = 20;
export const GOAL_MILESTONE_LABEL_MAX = 100;

export const GoalMilestoneSchema = z.object({
  /** Progress at which it is reached: 1 ≤ at ≤ target. */
  at: z.number().int().min(1).max(GOAL_MAX_TARGET),
  /** Shown on the overlay and said in chat when reached. */
  label: z.string().trim().min(1, { message: 'is required' }).max(GOAL_MILESTONE_LABEL_MAX),
});
export type GoalMilestone = z.infer<typeof GoalMilestoneSchema>;

/** A goal reward's config (`RewardDto.goal`). Milestones distinct, each at or below the target. */
export const GoalConfigSchema = z
  .object({
    /** Points needed in total (the sum of contributions), 1–1,000,000,000. */
    target: z.number().int().min(1).max(GOAL_MAX_TARGET),
    /** Steps inside the goal, each reached once per round (sorted by `at` when stored). */
    milestones: z.array(GoalMilestoneSchema).max(GOAL_MAX_MILESTONES).default([]),
  })
  .superRefine((goal, ctx) => {
    const seen = new Set<number>();
    goal.milestones.forEach((milestone, index) => {
      if (milestone.at > goal.target) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', index, 'at'],
          message: 'must not exceed the target',
        });
      }
      if (seen.has(milestone.at)) {
        ctx.addIssue({ code: 'custom', path: ['milestones', index, 'at'], message: 'must be unique' });
      }
      seen.add(milestone.at);
    });
  });
export type GoalConfig = z.infer<typeof GoalConfigSchema>;
export type GoalConfigInput = z.input<typeof GoalConfigSchema>;

export interface GoalMilestoneDto extends GoalMilestone {
  /** When this round reached it (ISO), or null. */
  reachedAt: string | null;
}

/**
 * A goal's progress in its current round. Contributions that would pass the target are refused
 * (the viewer is told how much is still missing), so `progress` never exceeds `target`.
 */
export interface GoalProgressDto {
  rewardId: string;
  workspaceId: string;
  /** The reward's name (what `!<name> <amount>` uses). */
  name: string;
  target: number;
  /** Sum of this round's contributions, 0 ≤ progress ≤ target. */
  progress: number;
  /** Sorted by `at`. */
  milestones: GoalMilestoneDto[];
  /** Distinct viewers who contributed this round. */
  contributors: number;
  /** When the target was reached (ISO), or null while open. A completed goal takes no more. */
  completedAt: string | null;
  /** Starts at 1; +1 on each reset. */
  round: number;
  /** Grows with every change: a client keeps the highest it has seen. */
  version: number;
  /** The reward is enabled (disabled goals stay listed so the admin can see and reset them). */
  enabled: boolean;
  updatedAt: string;
}

/**
 * `POST /api/workspaces/:wid/goals/:rewardId/reset`. Without `hard` only a completed goal resets
 * (409 `goals.not_completed` otherwise); `hard` resets at any time. Contributions are never refunded:
 * points given to a goal are spent (contributions are fulfilled at once, so they never wait in the queue).
 */
export const ResetGoalRequestSchema = z.object({ hard: z.boolean().default(false) }).default({ hard: false });
export type ResetGoalRequest = z.input<typeof ResetGoalRequestSchema>;

/** The goal overlay's snapshot (and `GET .../goals`): every goal reward of the workspace, by name. */
export interface GoalsSnapshotDto {
  goals: GoalProgressDto[];
  serverTime: string;
}

// ---------------------------------------------------------------------------------------------
// Votes: viewers spend points on options; the tally is pushed on a short tick.
// ---------------------------------------------------------------------------------------------

export const VOTE_MIN_OPTIONS = 2;
export const VOTE_MAX_OPTIONS = 12;
export const VOTE_OPTION_LABEL_MAX = 100;

/** Option ids are short slugs chosen once (the admin derives them from the label): `a`, `pizza`, `option-2`. */
export const VoteOptionIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'must be 1-40 lowercase letters, digits, - or _' });

export const VoteOptionSchema = z.object({
  id: VoteOptionIdSchema,
  label: z.string().trim().min(1, { message: 'is required' }).max(VOTE_OPTION_LABEL_MAX),
});
export type VoteOption = z.infer<typeof VoteOptionSchema>;

/** A vote reward's config (`RewardDto.vote`). */
export const VoteConfigSchema = z
  .object({
    options: z.array(VoteOptionSchema).min(VOTE_MIN_OPTIONS).max(VOTE_MAX_OPTIONS),
    /**
     * Points per vote, ≥ 1. A redeem buys `spent / pricePerVote` votes (spent must be a positive
     * multiple); a viewer may vote several times and for several options.
     */
    pricePerVote: z.number().int().min(1).max(GOAL_MAX_TARGET),
  })
  .superRefine((vote, ctx) => {
    const seen = new Set<string>();
    vote.options.forEach((option, index) => {
      if (seen.has(option.id)) {
        ctx.addIssue({ code: 'custom', path: ['options', index, 'id'], message: 'must be unique' });
      }
      seen.add(option.id);
    });
  });
export type VoteConfig = z.infer<typeof VoteConfigSchema>;
export type VoteConfigInput = z.input<typeof VoteConfigSchema>;

export interface VoteOptionTallyDto extends VoteOption {
  /** Votes this round. */
  votes: number;
  /** Points spent on it this round. */
  points: number;
}

export interface VoteTallyDto {
  rewardId: string;
  workspaceId: string;
  name: string;
  pricePerVote: number;
  /** In the config's order; options removed from the config but voted for this round are kept at the end. */
  options: VoteOptionTallyDto[];
  totalVotes: number;
  /** Distinct viewers who voted this round. */
  voters: number;
  /** Closed votes take no redeems until reopened or reset. */
  closedAt: string | null;
  /** Starts at 1; +1 on each reset (which also reopens). */
  round: number;
  /** Grows with every change: a client keeps the highest it has seen. */
  version: number;
  enabled: boolean;
  updatedAt: string;
}

export interface VotesSnapshotDto {
  votes: VoteTallyDto[];
  serverTime: string;
}

// ---------------------------------------------------------------------------------------------
// Special: on redeem, Podium POSTs a signed JSON payload to a URL (it never runs commands).
// ---------------------------------------------------------------------------------------------

export const SPECIAL_SECRET_MIN = 16;
export const SPECIAL_SECRET_MAX = 200;
export const SPECIAL_URL_MAX = 2000;

/** Header carrying `sha256=<hex HMAC-SHA256(secret, raw body)>`. */
export const SPECIAL_SIGNATURE_HEADER = 'x-podium-signature';
/** Header carrying the delivery id (the redemption id; the same across retries: de-duplicate on it). */
export const SPECIAL_DELIVERY_HEADER = 'x-podium-delivery';
/** Header carrying the attempt's timestamp (Unix seconds); also inside the signed body. */
export const SPECIAL_TIMESTAMP_HEADER = 'x-podium-timestamp';

export const SpecialUrlSchema = z
  .string()
  .trim()
  .max(SPECIAL_URL_MAX)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') &&
          url.hostname !== '' &&
          !url.username &&
          !url.password
        );
      } catch {
        return false;
      }
    },
    { message: 'must be an http or https URL without credentials' },
  );

/**
 * A special reward's config as written (`RewardDto` create/update `special`). `secret` is
 * write-only: absent on an update keeps the stored one; it is required when none is stored yet.
 */
export const SpecialConfigSchema = z.object({
  url: SpecialUrlSchema,
  secret: z.string().min(SPECIAL_SECRET_MIN).max(SPECIAL_SECRET_MAX).optional(),
});
export type SpecialConfigInput = z.input<typeof SpecialConfigSchema>;
export type SpecialConfig = z.infer<typeof SpecialConfigSchema>;

/** A special reward's config as read back: never the secret. */
export interface SpecialConfigDto {
  url: string;
  /** A secret is stored (signatures are made with it). */
  hasSecret: boolean;
}

export const SPECIAL_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type SpecialDeliveryStatus = (typeof SPECIAL_DELIVERY_STATUSES)[number];

/** Tries before a delivery is `failed` (backoff 1 s, 2 s, 4 s, … capped at 5 minutes). */
export const SPECIAL_MAX_ATTEMPTS = 6;

/** The outcome of one special redemption's POST (`GET .../special/deliveries`). */
export interface SpecialDeliveryDto {
  /** Also the delivery id sent in `x-podium-delivery`. */
  redemptionId: string;
  rewardId: string;
  url: string;
  status: SpecialDeliveryStatus;
  attempts: number;
  /** HTTP status of the last answer, or null (network error, not tried yet). */
  lastStatusCode: number | null;
  /** Why the last try failed (no secrets, at most 500 characters), or null. */
  lastError: string | null;
  /** Next try (ISO) while pending. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** The JSON body Podium POSTs (signed as sent, byte for byte). */
export interface SpecialWebhookPayload {
  /** Delivery id = redemption id: the receiver de-duplicates retries on it. */
  id: string;
  type: 'redeem.special';
  /** Unix seconds of this attempt (also in `x-podium-timestamp`): reject stale ones. */
  timestamp: number;
  attempt: number;
  workspaceId: string;
  reward: { id: string; name: string };
  redemption: {
    id: string;
    spent: number;
    note: string | null;
    createdAt: string;
    viewer: { id: string; displayName: string; platform: string | null; login: string | null };
  };
}

// ---------------------------------------------------------------------------------------------
// Recent redeems overlay.
// ---------------------------------------------------------------------------------------------

export const RECENT_REDEEMS_LIMIT = 20;

/** A redeem as the recent-redeems overlay shows it (no note: overlays are public). */
export interface RecentRedeemDto {
  redemptionId: string;
  workspaceId: string;
  rewardName: string;
  /** `RewardType` of rewards.contract. */
  rewardType: string;
  viewerName: string;
  spent: number;
  createdAt: string;
}

export interface RecentRedeemsSnapshotDto {
  /** Newest first, at most RECENT_REDEEMS_LIMIT. */
  redeems: RecentRedeemDto[];
  serverTime: string;
}

// ---------------------------------------------------------------------------------------------
// Socket payloads (to the workspace's organizers and overlays). Snapshot requests:
// `goals.snapshot`, `votes.snapshot`, `redeems.recentSnapshot`, each `{ workspaceId? }` like
// `alerts.snapshot` (overlays: their own workspace; organizers name one).
// ---------------------------------------------------------------------------------------------

/** `goal.progress`: a contribution, a milestone, completion, a reset or a config change. */
export interface GoalProgressPayload {
  goal: GoalProgressDto;
}

/** `vote.tally`: aggregated on a short tick while votes arrive, and on close/open/reset. */
export interface VoteTallyPayload {
  tally: VoteTallyDto;
}

/**
 * `redeem.recent` (to overlays): the redeems committed since the workspace's last push, oldest
 * first, at most RECENT_REDEEMS_LIMIT. Pushed on a short tick while redeems pour in, not once each.
 */
export interface RecentRedeemPayload {
  workspaceId: string;
  redeems: RecentRedeemDto[];
}
