import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for a URL or cookie: 32 random bytes, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored in place of a token: the token alone grants access, so keep only its digest. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
