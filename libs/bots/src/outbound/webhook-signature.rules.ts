/**
 * Podium's webhook signature, Stripe-style: `Podium-Signature: t=<unix seconds>,v1=<hex>` where the
 * hex is HMAC-SHA256(secret, `${t}.${body}`). The HMAC itself is computed by the caller (node:crypto
 * in the api, Web Crypto anywhere else); these rules build and read the header.
 */

/** How far a receiver should accept a signature's timestamp from its own clock. */
export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;

/** The exact bytes that are signed: the timestamp, a dot, and the raw body. */
export function webhookSignedPayload(timestampSeconds: number, body: string): string {
  return `${timestampSeconds}.${body}`;
}

/** `t=…,v1=…` (several v1 values while a secret rotates). */
export function formatWebhookSignature(timestampSeconds: number, signaturesHex: readonly string[]): string {
  return [`t=${timestampSeconds}`, ...signaturesHex.map((hex) => `v1=${hex}`)].join(',');
}

export interface ParsedWebhookSignature {
  timestampSeconds: number;
  v1: string[];
}

/** Reads a `Podium-Signature` header; null when it has no timestamp or no v1 signature. */
export function parseWebhookSignature(header: string | undefined | null): ParsedWebhookSignature | null {
  if (!header) return null;
  let timestampSeconds: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const key = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestampSeconds = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) v1.push(value.toLowerCase());
  }
  if (timestampSeconds === null || v1.length === 0) return null;
  return { timestampSeconds, v1 };
}

/** Whether a signature's timestamp is close enough to now to accept (replay protection). */
export function isWebhookTimestampFresh(
  timestampSeconds: number,
  nowSeconds: number,
  toleranceSeconds = WEBHOOK_SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  return Math.abs(nowSeconds - timestampSeconds) <= toleranceSeconds;
}
