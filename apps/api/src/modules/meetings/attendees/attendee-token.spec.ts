import { createHmac } from 'node:crypto';
import { signAttendeeToken, verifyAttendeeToken } from './attendee-token';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const ID = '3f0c2a4e-8d1b-4c55-9a7e-2b6d1e0f9a31';

describe('attendee tokens', () => {
  it('is the id and the base64url HMAC of "attendee:<id>"', () => {
    const expected = createHmac('sha256', SECRET).update(`attendee:${ID}`).digest('base64url');
    expect(signAttendeeToken(SECRET, ID)).toBe(`${ID}.${expected}`);
    expect(verifyAttendeeToken(SECRET, signAttendeeToken(SECRET, ID))).toBe(ID);
  });

  it('refuses tokens signed with another secret, for another id, or malformed', () => {
    const token = signAttendeeToken(SECRET, ID);
    const [, signature] = token.split('.') as [string, string];
    const otherId = '3f0c2a4e-8d1b-4c55-9a7e-2b6d1e0f9a32';
    for (const forged of [
      signAttendeeToken(`${SECRET}!`, ID),
      `${otherId}.${signature}`,
      `${ID}.${signature.slice(0, -1)}`,
      `${ID}.${signature}=`,
      `${ID.toUpperCase()}.${signature}`,
      ID,
      `${ID}.`,
      `.${signature}`,
      '',
    ]) {
      expect(verifyAttendeeToken(SECRET, forged)).toBeNull();
    }
  });

  it('accepts only the canonical spelling of a signature', () => {
    const token = signAttendeeToken(SECRET, ID);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    // The 43rd character holds 4 bits of signature and 2 unused bits: flipping those decodes the same.
    const twin = `${token.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(twin.split('.')[1]!, 'base64url')).toEqual(
      Buffer.from(token.split('.')[1]!, 'base64url'),
    );
    expect(verifyAttendeeToken(SECRET, twin)).toBeNull();
  });
});
