import { randomBytes } from 'node:crypto';
import { AppSecrets } from '../../config/secrets';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(new AppSecrets('s'.repeat(32), randomBytes(32)));

  it('round-trips and never stores the plain text', () => {
    const sealed = box.sealJson({ accessToken: 'oauth-token-abc' });
    expect(sealed).not.toContain('oauth-token-abc');
    expect(box.openJson(sealed)).toEqual({ accessToken: 'oauth-token-abc' });
  });

  it('gives a different ciphertext each time', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered value or another install’s key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), flipped.toString('base64url')].join('.'))).toThrow();
    const other = new SecretBox(new AppSecrets('s'.repeat(32), randomBytes(32)));
    expect(() => other.open(sealed)).toThrow();
  });
});
