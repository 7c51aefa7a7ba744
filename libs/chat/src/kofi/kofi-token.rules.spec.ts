import { kofiTokenMatches } from './kofi-token.rules';

describe('kofiTokenMatches', () => {
  const token = '6d1f7c2a-3b9e-4f05-8a41-c2e7d9b0f318';

  it('accepts the exact token only', () => {
    expect(kofiTokenMatches(token, token)).toBe(true);
    expect(kofiTokenMatches(token.toUpperCase(), token)).toBe(false);
    expect(kofiTokenMatches(`${token}x`, token)).toBe(false);
    expect(kofiTokenMatches('', token)).toBe(false);
  });

  it('never matches when no token is configured', () => {
    expect(kofiTokenMatches('', '')).toBe(false);
  });
});
