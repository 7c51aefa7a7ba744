import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A SHA-256 HMAC is 32 bytes: 43 base64url characters. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

function signatureOf(secret: string, attendeeId: string): Buffer {
  return createHmac('sha256', secret).update(`attendee:${attendeeId}`, 'utf8').digest();
}

/** `<attendeeId>.<base64url HMAC-SHA256(secret, "attendee:" + attendeeId)>`. */
export function signAttendeeToken(secret: string, attendeeId: string): string {
  return `${attendeeId}.${signatureOf(secret, attendeeId).toString('base64url')}`;
}

/** The attendee id a token was signed for, or null when it is malformed or forged. */
export function verifyAttendeeToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const attendeeId = token.slice(0, dot);
  const signature = token.slice(dot + 1);
  if (!UUID.test(attendeeId) || !SIGNATURE.test(signature)) return null;
  const given = Buffer.from(signature, 'base64url');
  // The last character carries two unused bits: only the canonical spelling is one token.
  if (given.toString('base64url') !== signature) return null;
  const expected = signatureOf(secret, attendeeId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? attendeeId : null;
}
