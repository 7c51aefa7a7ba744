import { createHmac } from 'node:crypto';
import { verifyOwncastSignature } from './owncast-signature.rules';

const SECRET = 'whsec-fixture-7Hq2LmZx';
const NOW = 1_773_515_000;
// Owncast is Go: encoding/json writes <, > and & in strings as \u003c, \u003e, \u0026.
const RAW_BODY =
  '{"type":"CHAT","eventData":{"body":"\\u003cp\\u003efish \\u0026 chips\\u003c/p\\u003e","rawBody":"fish \\u0026 chips","id":"Hc6v2pTnR"}}';

function sign(timestamp: number, body: string | Buffer, secret = SECRET): string {
  const hex = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `t=${timestamp}.s=${hex}`;
}

describe('verifyOwncastSignature', () => {
  it('accepts a delivery signed over the exact raw bytes, escapes included', () => {
    const header = sign(NOW - 2, RAW_BODY);
    expect(verifyOwncastSignature(header, Buffer.from(RAW_BODY), SECRET, NOW)).toEqual({
      ok: true,
      signedAt: NOW - 2,
    });
    expect(verifyOwncastSignature(header, RAW_BODY, SECRET, NOW).ok).toBe(true);
  });

  it('refuses the same body re-serialized: JSON.stringify writes a literal < where Go wrote \\u003c', () => {
    const header = sign(NOW, RAW_BODY);
    const reserialized = JSON.stringify(JSON.parse(RAW_BODY));
    expect(reserialized).toContain('<p>');
    expect(verifyOwncastSignature(header, reserialized, SECRET, NOW)).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a body changed after signing, and a signature made with another secret', () => {
    const header = sign(NOW, RAW_BODY);
    const tampered = RAW_BODY.replace('Hc6v2pTnR', 'Hc6v2pTnS');
    expect(verifyOwncastSignature(header, tampered, SECRET, NOW)).toMatchObject({ reason: 'mismatch' });
    expect(
      verifyOwncastSignature(sign(NOW, RAW_BODY, 'another-secret'), RAW_BODY, SECRET, NOW),
    ).toMatchObject({
      reason: 'mismatch',
    });
  });

  it('refuses a timestamp swapped into a valid signature (t is part of the signed message)', () => {
    const [, hex] = sign(NOW - 100, RAW_BODY).split('.s=');
    expect(verifyOwncastSignature(`t=${NOW}.s=${hex}`, RAW_BODY, SECRET, NOW)).toMatchObject({
      reason: 'mismatch',
    });
  });

  it('holds to the 300 s window on both sides of now', () => {
    expect(verifyOwncastSignature(sign(NOW - 300, RAW_BODY), RAW_BODY, SECRET, NOW).ok).toBe(true);
    expect(verifyOwncastSignature(sign(NOW + 300, RAW_BODY), RAW_BODY, SECRET, NOW).ok).toBe(true);
    expect(verifyOwncastSignature(sign(NOW - 301, RAW_BODY), RAW_BODY, SECRET, NOW)).toMatchObject({
      ok: false,
      reason: 'stale',
    });
    expect(verifyOwncastSignature(sign(NOW + 301, RAW_BODY), RAW_BODY, SECRET, NOW)).toMatchObject({
      reason: 'stale',
    });
  });

  it('names a missing header', () => {
    expect(verifyOwncastSignature(undefined, RAW_BODY, SECRET, NOW)).toMatchObject({ reason: 'missing' });
    expect(verifyOwncastSignature('  ', RAW_BODY, SECRET, NOW)).toMatchObject({ reason: 'missing' });
  });

  it.each([
    ['Twitch-style prefix', `sha256=${'a'.repeat(64)}`],
    ['no timestamp', `s=${'a'.repeat(64)}`],
    ['parts swapped', `s=${'a'.repeat(64)}.t=${NOW}`],
    ['comma separator', `t=${NOW},s=${'a'.repeat(64)}`],
    ['short digest', `t=${NOW}.s=${'a'.repeat(63)}`],
    ['upper-case hex (Go writes lower case)', `t=${NOW}.s=${'A'.repeat(64)}`],
    ['non-numeric time', `t=soon.s=${'a'.repeat(64)}`],
    ['trailing part', `t=${NOW}.s=${'a'.repeat(64)}.x=1`],
  ])('refuses a malformed header: %s', (_name, header) => {
    expect(verifyOwncastSignature(header, RAW_BODY, SECRET, NOW)).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
  });
});
