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
});
