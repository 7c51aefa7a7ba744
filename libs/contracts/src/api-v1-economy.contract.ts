import { z } from 'zod';
import { type OutboxMessageDto, PlatformSchema } from './chat.contract';
import { ADJUST_POINTS_MAX } from './points.contract';

/*
 * Public API v1: viewers and balances, rewards, the redemption queue, goals and votes, chat and bots
 * (`/api/v1/workspaces/:workspaceId/...`, bearer token). Responses reuse the existing DTOs
 * (BalanceDto, BalanceListDto, LedgerPageDto, RewardListDto, RewardDto, RedemptionPageDto,
 * RedemptionDto, GoalProgressDto, VoteTallyDto, SendChatMessageResponse); only what is new is here.
 */

/**
 * `POST .../viewers/:viewerId/points/grant` and `.../points/deduct`. The direction is the route;
 * a deduct beyond the balance is 409 `points.insufficient_balance`. The ledger entry's note is the
 * reason followed by `(api token <token name>)`.
 */
export const V1PointsChangeRequestSchema = z.object({
  /** Whole points, 1–100,000,000. */
  amount: z.number().int().min(1).max(ADJUST_POINTS_MAX),
  /** Why, kept in the ledger's note (1–300 characters). */
  reason: z.string().trim().min(1, { message: 'is required' }).max(300),
});
export type V1PointsChangeRequest = z.input<typeof V1PointsChangeRequestSchema>;

/**
 * `POST .../chat/messages`: say something as the bot. Without `platform` and `connectionIds` it goes
 * to every connection of the workspace (in-room and rehearsal included); `platform` narrows it to that
 * platform's connections (404 `chat.connection_not_found` when there is none); `connectionIds` to
 * those connections (all of them must be in the workspace, and on `platform` when both are given).
 */
export const V1SendChatRequestSchema = z.object({
  /** 1–500 characters; split to the platform's length when longer than a platform allows. */
  text: z.string().trim().min(1, { message: 'is required' }).max(500),
  /** One platform, or absent for all. */
  platform: PlatformSchema.optional(),
  /** Specific connections (ids from the admin's Connections page), at most 20. */
  connectionIds: z.array(z.uuid()).max(20).optional(),
});
export type V1SendChatRequest = z.input<typeof V1SendChatRequestSchema>;

/** The bot features a token with `bots:write` may switch on and off. */
export const V1_BOT_KINDS = ['command', 'autoResponse', 'announcement', 'revolution'] as const;
export type V1BotKind = (typeof V1_BOT_KINDS)[number];

/** One switchable bot feature (`GET .../bots` lists them; enable/disable answers with it). */
export interface V1BotSwitchDto {
  kind: V1BotKind;
  id: string;
  /** The command's name, the announcement's or revolution's name, the auto-response's first term. */
  label: string;
  enabled: boolean;
  updatedAt: string;
}

export interface V1BotListDto {
  bots: V1BotSwitchDto[];
}

/** `POST .../bots/announcements/:announcementId/trigger`: posted now, whatever its schedule. */
export interface V1AnnouncementTriggeredDto {
  announcementId: string;
  /** The message of the rotation that was posted (the rotation moves on, like a scheduled post). */
  text: string;
  /** One outbox line per connection (more when split). */
  queued: OutboxMessageDto[];
}
