import { createDecipheriv } from 'node:crypto';

/**
 * Opens a value the api sealed with its SecretBox (`v1.<iv>.<tag>.<ciphertext>`, base64url,
 * AES-256-GCM) under the install's ENCRYPTION_KEY. The test holds the key, so it can check that
 * the stored column really is the platform's token, sealed, and not just some non-empty text.
 */
export function openSealed(sealed: string, encryptionKeyHex: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error(`not a sealed value: ${sealed}`);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    Buffer.from(encryptionKeyHex, 'hex'),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * The readings of a stored text someone without the key could try: as it is, and each of its
 * base64/base64url/hex-looking pieces decoded (an "encrypted" column that is only encoded is
 * still plain text).
 */
export function plainReadings(stored: string): string[] {
  const pieces = stored.split(/[^A-Za-z0-9+/=_-]+/).filter((piece) => piece.length >= 8);
  const decoded = pieces.flatMap((piece) => [
    Buffer.from(piece, 'base64url').toString('latin1'),
    Buffer.from(piece, 'base64').toString('latin1'),
    ...(/^[0-9a-f]+$/i.test(piece) ? [Buffer.from(piece, 'hex').toString('latin1')] : []),
  ]);
  return [stored, ...decoded];
}

/** The secrets readable in `stored` without the key, none when it keeps them all sealed. */
export function readableSecrets(stored: string, secrets: readonly string[]): string[] {
  const readings = plainReadings(stored);
  return secrets.filter((secret) => readings.some((reading) => reading.includes(secret)));
}
