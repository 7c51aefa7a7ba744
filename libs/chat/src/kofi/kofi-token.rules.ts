import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Ko-fi signs nothing: the only proof is the verification token inside the payload. Compared in
 * constant time over SHA-256 digests, so neither the content nor the length of the expected token
 * leaks through timing.
 */
export function kofiTokenMatches(received: string, expected: string): boolean {
  if (expected.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected));
}
