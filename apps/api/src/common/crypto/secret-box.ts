import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppSecrets } from '../../config/secrets';

const VERSION = 'v1';

/**
 * Encrypts platform tokens at rest with AES-256-GCM under the install's key (DATA_DIR/secrets.json
 * or ENCRYPTION_KEY). The stored form `v1.<iv>.<tag>.<ciphertext>` (base64url) is not readable without
 * the key, and tampering fails authentication instead of yielding garbage.
 */
@Injectable()
export class SecretBox {
  constructor(private readonly secrets: AppSecrets) {}

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secrets.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined)
      throw new Error('Unknown sealed secret format');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.secrets.encryptionKey,
      Buffer.from(iv, 'base64url'),
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  sealJson(value: unknown): string {
    return this.seal(JSON.stringify(value));
  }

  openJson<T>(sealed: string): T {
    return JSON.parse(this.open(sealed)) as T;
  }
}
