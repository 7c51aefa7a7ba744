import { overlayUrl } from './overlay-tokens.api';

describe('overlayUrl', () => {
  it('points OBS at the overlay app under /overlay/ with the token in the query', () => {
    expect(overlayUrl('https://podium.example', 'tok_123')).toBe(
      'https://podium.example/overlay/test?token=tok_123',
    );
  });

  it('encodes the token', () => {
    expect(overlayUrl('http://127.0.0.1:3000', 'a+b/c=')).toBe(
      'http://127.0.0.1:3000/overlay/test?token=a%2Bb%2Fc%3D',
    );
  });
});
