import { z } from 'zod';
import type { Platform } from './chat.contract';

/** The kinds of payment Ko-fi posts to a webhook (its `type` field, verbatim). */
export const KOFI_PAYMENT_TYPES = ['Donation', 'Subscription', 'Shop Order', 'Commission'] as const;
export type KofiPaymentType = (typeof KOFI_PAYMENT_TYPES)[number];

/**
 * What became of a payment's points: `credited` to the linked viewer, `pending` until someone links
 * the payer's e-mail, `none` when it was worth no points (rate 0, or an amount below one point).
 */
export const KOFI_PAYMENT_STATUSES = ['credited', 'pending', 'none'] as const;
export type KofiPaymentStatus = (typeof KOFI_PAYMENT_STATUSES)[number];

export const KOFI_POINTS_PER_UNIT_MAX = 1_000_000;
export const KOFI_TOKEN_MAX_LENGTH = 200;
export const KOFI_EMAIL_MAX_LENGTH = 254;

/** Points per currency unit when a workspace has not chosen (a 5.00 coffee is worth 500). */
export const DEFAULT_KOFI_POINTS_PER_UNIT = 100;

/** A workspace's Ko-fi settings as its organizers see them (the token itself is never sent back). */
export interface KofiSettingsDto {
  workspaceId: string;
  /** True once an owner saved Ko-fi's verification token; webhooks are refused until then. */
  tokenConfigured: boolean;
  /** The URL to paste in Ko-fi (Settings → API → Webhook URL); unguessable, per workspace. */
  webhookUrl: string;
  /** Points credited per unit of the payment's currency (amount × rate, rounded down). */
  pointsPerUnit: number;
  updatedAt: string;
}

/** PUT /workspaces/:wid/kofi/settings (owner): any subset; omitted fields keep their value. */
export const UpdateKofiSettingsRequestSchema = z.object({
  /** The verification token Ko-fi shows under Settings → API → Advanced; stored sealed. */
  verificationToken: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(KOFI_TOKEN_MAX_LENGTH)
    .optional(),
  /** Points per currency unit (0 records payments without points). */
  pointsPerUnit: z.number().int().min(0).max(KOFI_POINTS_PER_UNIT_MAX).optional(),
  /** True issues a new webhook URL; the old one answers 404 from then on. */
  rotateWebhookUrl: z.boolean().optional(),
});
export type UpdateKofiSettingsRequest = z.infer<typeof UpdateKofiSettingsRequestSchema>;

/** An e-mail as Podium compares it: trimmed and lower-cased, then checked. */
export const KofiEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(KOFI_EMAIL_MAX_LENGTH)
  .email({ message: 'is not an e-mail address' });

/** POST /workspaces/:wid/kofi/links (moderator): link a Ko-fi e-mail to a viewer by hand. */
export const CreateKofiLinkRequestSchema = z.object({
  /** Podium's viewer id (a merged identity resolves to its target). */
  viewerId: z.string().uuid(),
  /** The e-mail the supporter pays with on Ko-fi. */
  email: KofiEmailSchema,
});
export type CreateKofiLinkRequest = z.infer<typeof CreateKofiLinkRequestSchema>;

/** Who made a link. */
export const KOFI_LINK_SOURCES = ['viewer', 'moderator'] as const;
export type KofiLinkSource = (typeof KOFI_LINK_SOURCES)[number];

/** A viewer's link to a Ko-fi e-mail, as the management panel lists it. */
export interface KofiLinkDto {
  id: string;
  viewer: { id: string; platform: Platform; displayName: string };
  /** The e-mail, for owners only; null for moderators (they see that the viewer is linked). */
  email: string | null;
  linkedBy: KofiLinkSource;
  createdAt: string;
}

/** What linking did: the link, and the pending payments it credited just now. */
export interface KofiLinkResultDto {
  link: KofiLinkDto;
  /** How many pending payments this link applied (0 when there were none or they were applied before). */
  appliedPayments: number;
  /** Points those payments credited. */
  appliedPoints: number;
}

/** One recorded Ko-fi payment (management panel). */
export interface KofiPaymentDto {
  id: string;
  /** Ko-fi's transaction id (the payment is recorded once by it). */
  transactionId: string;
  type: KofiPaymentType;
  /** The name the supporter gave on Ko-fi. */
  fromName: string;
  /** The supporter's message, or null (also null when Ko-fi marked the payment private). */
  message: string | null;
  /** As Ko-fi sent it, e.g. "5.00". */
  amount: string;
  /** ISO 4217 code as Ko-fi sent it, e.g. "USD". */
  currency: string;
  isSubscriptionPayment: boolean;
  isFirstSubscriptionPayment: boolean;
  tierName: string | null;
  /** Points this payment is worth (fixed when it arrived). */
  points: number;
  status: KofiPaymentStatus;
  /** The viewer credited, once credited. */
  viewer: { id: string; displayName: string } | null;
  /** The payer's e-mail, for owners only (null for moderators, and when Ko-fi sent none). */
  email: string | null;
  /** When Ko-fi says it happened. */
  paidAt: string;
  /** When Podium recorded it. */
  receivedAt: string;
}

/** GET /workspaces/:wid/kofi/payments query. */
export const KofiPaymentsQuerySchema = z.object({
  status: z.enum(KOFI_PAYMENT_STATUSES).optional(),
  /** 1–200, newest first (default 50). */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type KofiPaymentsQuery = z.infer<typeof KofiPaymentsQuerySchema>;

/** What the webhook answers Ko-fi (200 in both cases, so Ko-fi stops retrying). */
export type KofiWebhookReceiptDto = { status: 'recorded'; paymentId: string } | { status: 'duplicate' };
