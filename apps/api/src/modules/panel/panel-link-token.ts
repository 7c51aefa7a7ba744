import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a `!panel` link names: the viewer of a workspace, until when. */
export interface PanelLinkClaims {
  workspaceId: string;
  viewerId: string;
  /** Expiry, whole seconds since the epoch. */
  expiresAt: number;
}

/** 16 + 16 bytes of uuids, 4 of expiry, 12 of nonce: 64 base64url characters. */
const BODY_BYTES = 48;
/** A SHA-256 HMAC is 32 bytes: 43 base64url characters. */
const TOKEN = /^([A-Za-z0-9_-]{64})\.([A-Za-z0-9_-]{43})$/;

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a uuid: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`panel-link:${body}`, 'utf8').digest();
}

/**
 * `<base64url(workspace | viewer | expiry | nonce)>.<base64url HMAC-SHA256>`: compact enough for a
 * chat line (108 characters), and a forged or altered link is refused before any database read.
 */
export function signPanelLink(secret: string, claims: PanelLinkClaims): string {
  const body = Buffer.concat([
    uuidBytes(claims.workspaceId),
    uuidBytes(claims.viewerId),
    Buffer.alloc(4),
    randomBytes(12),
  ]);
  body.writeUInt32BE(claims.expiresAt, 32);
  const encoded = body.toString('base64url');
  return `${encoded}.${mac(secret, encoded).toString('base64url')}`;
}

/** The claims a token was signed with, or null when it is malformed or forged (expiry not checked). */
export function verifyPanelLink(secret: string, token: string): PanelLinkClaims | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, encoded = '', signature = ''] = match;
  const given = Buffer.from(signature, 'base64url');
  const body = Buffer.from(encoded, 'base64url');
  // Only the canonical spelling is one token (the last character carries unused bits).
  if (given.toString('base64url') !== signature || body.toString('base64url') !== encoded) return null;
  if (body.length !== BODY_BYTES) return null;
  const expected = mac(secret, encoded);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return {
    workspaceId: uuidOf(body.subarray(0, 16)),
    viewerId: uuidOf(body.subarray(16, 32)),
    expiresAt: body.readUInt32BE(32),
  };
}
