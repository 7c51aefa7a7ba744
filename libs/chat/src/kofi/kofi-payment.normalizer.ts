import type { KofiPaymentType } from '@podium/contracts';
import { KofiPaymentSchema } from './kofi-payment.schema';

/** A Ko-fi payment as Podium records it: what the webhook said, minus the token and shipping. */
export interface KofiPayment {
  transactionId: string;
  messageId: string;
  type: KofiPaymentType;
  fromName: string;
  message: string | null;
  isPublic: boolean;
  /** As sent, e.g. "5.00". */
  amount: string;
  currency: string;
  /** Normalized (trimmed, lower-case), or null when Ko-fi sent none or not an address. */
  email: string | null;
  isSubscriptionPayment: boolean;
  isFirstSubscriptionPayment: boolean;
  tierName: string | null;
  /** When Ko-fi says the payment happened (receipt time when its timestamp is unreadable). */
  paidAt: Date;
}

export type KofiParseResult =
  | { ok: true; payment: KofiPayment; verificationToken: string }
  /** `verificationToken`: the payload's token when it had one, so a forgery is refused as such. */
  | { ok: false; message: string; verificationToken: string | null };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trimmed and lower-cased; null when it cannot be an address. The one place e-mails are compared. */
export function normalizeKofiEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase() ?? '';
  return email.length > 0 && email.length <= 254 && EMAIL.test(email) ? email : null;
}

/**
 * Reads a delivery's form field `data`: JSON, then the payment schema. The token is returned apart
 * so the caller checks it before anything is stored.
 */
export function parseKofiWebhookData(data: unknown, receivedAt: Date): KofiParseResult {
  if (typeof data !== 'string' || data.length === 0) {
    return { ok: false, message: 'the form field "data" is missing', verificationToken: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, message: 'the form field "data" is not JSON', verificationToken: null };
  }
  const parsed = KofiPaymentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const token = (json as { verification_token?: unknown } | null)?.verification_token;
    return {
      ok: false,
      message: `${issue?.path.join('.') || 'data'}: ${issue?.message ?? 'invalid'}`,
      verificationToken: typeof token === 'string' ? token : null,
    };
  }
  const body = parsed.data;
  const paidAt = new Date(body.timestamp);
  const isPublic = body.is_public ?? true;
  return {
    ok: true,
    verificationToken: body.verification_token,
    payment: {
      transactionId: body.kofi_transaction_id,
      messageId: body.message_id,
      type: body.type,
      fromName: body.from_name?.trim().slice(0, 200) || 'Ko-fi supporter',
      // A private payment's message is for the creator's inbox, not for pages or chat.
      message: isPublic ? body.message?.trim().slice(0, 2000) || null : null,
      isPublic,
      amount: body.amount,
      currency: body.currency.toUpperCase(),
      email: normalizeKofiEmail(body.email),
      isSubscriptionPayment: body.is_subscription_payment ?? false,
      isFirstSubscriptionPayment: body.is_first_subscription_payment ?? false,
      tierName: body.tier_name?.trim() || null,
      paidAt: Number.isNaN(paidAt.getTime()) ? receivedAt : paidAt,
    },
  };
}

/**
 * Points for an amount at `pointsPerUnit` per currency unit, rounded down, in exact decimal
 * arithmetic ("0.10" × 30 is 3, not 2.9999…).
 */
export function kofiPoints(amount: string, pointsPerUnit: number): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match || !Number.isSafeInteger(pointsPerUnit) || pointsPerUnit <= 0) return 0;
  const fraction = match[2] ?? '';
  const scaled = BigInt(`${match[1]}${fraction}`) * BigInt(pointsPerUnit);
  const points = scaled / 10n ** BigInt(fraction.length);
  return points > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(points);
}
