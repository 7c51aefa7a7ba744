import { z } from 'zod';
import type { Platform } from './chat.contract';
import type { GoalProgressDto, VoteTallyDto } from './goals-votes.contract';
import { KofiEmailSchema } from './kofi.contract';
import type { LedgerReason } from './points.contract';
import type { RedeemRefusal } from './redemptions.contract';
import type { RewardDto } from './rewards.contract';

/**
 * The viewer panel: a page a stream viewer opens from the personal link the bot sends on `!panel`.
 * It is a separate audience from organizers: its own session cookie (`podium_panel`, path
 * `/api/panel`), never accepted by organizer APIs, and organizer sessions are never accepted here.
 */

/** How long the `!panel` link works (single use). */
export const PANEL_LINK_TTL_MINUTES = 10;
/** How long a panel session lasts after sign-in. */
export const PANEL_SESSION_TTL_DAYS = 30;

/** `POST /api/panel/session`: trades the link's token for a session cookie. */
export const PanelSignInRequestSchema = z.object({
  /** The `<token>` of `<PUBLIC_URL>/p/<token>`. */
  token: z.string().trim().min(20).max(400),
  /**
   * True when the page runs inside an iframe (Owncast's external action): the cookie is then set
   * `Partitioned` (CHIPS) so browsers that block third-party cookies still keep it for that embed.
   */
  embedded: z.boolean().default(false),
});
export type PanelSignInRequest = z.input<typeof PanelSignInRequestSchema>;

/** The signed-in viewer, as the panel shows them. */
export interface PanelViewerDto {
  /** Podium's viewer (after merges). */
  id: string;
  displayName: string;
  /** Where the viewer asked for the link. */
  platform: Platform;
}

/** `POST /api/panel/sign-out`: ends this session, or every session of the viewer. */
export const PanelSignOutRequestSchema = z.object({
  /** Also end the viewer's other sessions (a link opened by someone else, a lost phone). */
  everywhere: z.boolean().default(false),
});
export type PanelSignOutRequest = z.input<typeof PanelSignOutRequestSchema>;

/** Answer of `POST /api/panel/session` (the cookie comes with it). */
export interface PanelSessionDto {
  workspaceId: string;
  viewer: PanelViewerDto;
  /** ISO time the session ends unless revoked before. */
  expiresAt: string;
}

/** `GET /api/panel/me`: the header of the panel. */
export interface PanelMeDto {
  workspaceId: string;
  viewer: PanelViewerDto;
  /** Points the viewer can spend now. */
  balance: number;
  /** What the workspace calls its points ("points", "carrots"…). */
  currencyName: string;
  /** Consecutive streams attended; null when streaks are not tracked yet. */
  streak: { current: number; best: number } | null;
  /** Passive mode: points accrue but nothing can be redeemed. */
  passive: boolean;
  /** Whether a Ko-fi e-mail is linked to this viewer (the e-mail itself is never shown). */
  kofiLinked: boolean;
  expiresAt: string;
}

/** `GET /api/panel/history?cursor=&limit=`: newest first. */
export const PanelHistoryQuerySchema = z.object({
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, { message: 'is not a valid cursor' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PanelHistoryQuery = z.output<typeof PanelHistoryQuerySchema>;

/** One change of the viewer's balance. */
export interface PanelHistoryEntryDto {
  id: string;
  /** Signed: positive credits, negative spends. */
  amount: number;
  /** Why: watch, follow, redeem, refund… */
  reason: LedgerReason;
  /** A moderator's reason for a manual adjustment; null otherwise. */
  note: string | null;
  balanceAfter: number;
  createdAt: string;
}

export interface PanelHistoryDto {
  entries: PanelHistoryEntryDto[];
  /** Pass as `cursor` for older entries; null on the last page. */
  nextCursor: string | null;
}

/** A reward as the panel's catalogue shows it, with whether this viewer can redeem it now. */
export type PanelRewardDto = Pick<
  RewardDto,
  | 'id'
  | 'name'
  | 'type'
  | 'price'
  | 'description'
  | 'categories'
  | 'requiresNote'
  | 'eligibility'
  | 'goal'
  | 'vote'
> & {
  /** Null when the viewer may redeem it now (as far as can be told before trying); else why not. */
  unavailable: RedeemRefusal | null;
  /** With `unavailable: 'cooldown'`: whole seconds left. */
  cooldownSeconds?: number;
};

/** `GET /api/panel/rewards`: active rewards only, grouped by category (a reward may be in several). */
export interface PanelRewardsDto {
  currencyName: string;
  /** Category groups by name; the group `name: null` holds rewards without a category (always active). */
  groups: { name: string | null; rewards: PanelRewardDto[] }[];
}

/**
 * `POST /api/panel/redeem`: body `RedeemRequest` of redemptions.contract (the viewer is the session's),
 * answer `RedeemResultDto`: the same rules and result shape as chat and the queue manager.
 */

/** `GET /api/panel/goals`: the workspace's open goals and votes. */
export interface PanelGoalsDto {
  goals: GoalProgressDto[];
  votes: VoteTallyDto[];
}

/** `POST /api/panel/kofi-link`: the viewer's Ko-fi e-mail, used for nothing but matching donations. */
export const PanelKofiLinkRequestSchema = z.object({
  /** Trimmed and lower-cased (the Ko-fi module's own rule). */
  email: KofiEmailSchema,
});
export type PanelKofiLinkRequest = z.input<typeof PanelKofiLinkRequestSchema>;

export interface PanelKofiLinkDto {
  linked: true;
}

/** One line of the public queue (pending, oldest first): no notes, no viewer ids. */
export interface PanelQueueItemDto {
  id: string;
  rewardName: string;
  viewerDisplayName: string;
  createdAt: string;
  /** True for the signed-in viewer's own redemptions. */
  mine: boolean;
}

export interface PanelQueueDto {
  items: PanelQueueItemDto[];
}

/** Socket.IO handshake token for the panel audience: `POST /api/panel/socket-ticket`. */
export interface PanelSocketTicketDto {
  /** Put in the handshake as `auth.panelTicket`; valid for a minute. */
  ticket: string;
}

/** Pushed to a panel socket when its viewer's balance changed. */
export interface PanelBalancePayload {
  balance: number;
}
