import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Owncast ≥ 0.3.0 signs every webhook delivery with (earlier releases send none). */
export const OWNCAST_SIGNATURE_HEADER = 'owncast-signature';
/** Owncast's docs: reject a delivery whose `t` is further than this from now (replays). */
export const OWNCAST_SIGNATURE_WINDOW_SECONDS = 300;

export type OwncastSignatureFailure = 'missing' | 'malformed' | 'stale' | 'mismatch';

export type OwncastSignatureCheck =
  { ok: true; signedAt: number } | { ok: false; reason: OwncastSignatureFailure; message: string };

/** `t=<unix seconds>.s=<64 lowercase hex>`: Go's hex encoder only writes lowercase. */
const HEADER = /^t=(\d{1,12})\.s=([0-9a-f]{64})$/;

/**
 * Checks an `owncast-signature` header the way Owncast's docs say: HMAC-SHA256 with the webhook's
 * secret over `"<t>." + the exact raw body`, hex digests compared in constant time, and `t` within
 * 300 s of now. The raw body must be the bytes received: Go writes `<` as `\u003c`, so a body
 * re-serialized by JSON.stringify would no longer match.
 */
export function verifyOwncastSignature(
  header: string | undefined,
  rawBody: Buffer | string,
  secret: string,
  nowSeconds: number,
): OwncastSignatureCheck {
  if (header === undefined || header.trim() === '') {
    return { ok: false, reason: 'missing', message: `the ${OWNCAST_SIGNATURE_HEADER} header is missing` };
  }
  const [, timestamp, hex] = HEADER.exec(header.trim()) ?? [];
  if (timestamp === undefined || hex === undefined) {
    return {
      ok: false,
      reason: 'malformed',
      message: `the ${OWNCAST_SIGNATURE_HEADER} header is not t=<seconds>.s=<hex>`,
    };
  }
  const signedAt = Number(timestamp);
  if (Math.abs(nowSeconds - signedAt) > OWNCAST_SIGNATURE_WINDOW_SECONDS) {
    return {
      ok: false,
      reason: 'stale',
      message: `the signature's timestamp is more than ${OWNCAST_SIGNATURE_WINDOW_SECONDS} s from now`,
    };
  }
  const expected = owncastSignatureDigest(secret, timestamp, rawBody);
  const given = Buffer.from(hex, 'hex');
  if (!timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'mismatch', message: 'the signature does not match the body' };
  }
  return { ok: true, signedAt };
}

function owncastSignatureDigest(secret: string, timestamp: string, rawBody: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
}
