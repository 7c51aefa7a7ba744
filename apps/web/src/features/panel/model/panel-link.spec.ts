import { isEmbedded, tokenFromLink } from './panel-link';

const token = `${'a'.repeat(64)}.${'B'.repeat(43)}`;

describe('tokenFromLink', () => {
  it('takes the token from a whole link, a path or the token alone', () => {
    expect(tokenFromLink(`https://podium.example/p/${token}`)).toBe(token);
    expect(tokenFromLink(`/p/${token}`)).toBe(token);
    expect(tokenFromLink(token)).toBe(token);
  });

  it('ignores spaces and the punctuation chat wraps around links', () => {
    expect(tokenFromLink(`  <https://podium.example/p/${token}>. `)).toBe(token);
    expect(tokenFromLink(`(${token})`)).toBe(token);
  });

  it('refuses what is not a panel link', () => {
    expect(tokenFromLink('')).toBeNull();
    expect(tokenFromLink('https://podium.example/w/123/commands')).toBeNull();
    expect(tokenFromLink('hello world')).toBeNull();
    expect(tokenFromLink(`https://podium.example/p/${token}<script>`)).toBeNull();
  });
});

describe('isEmbedded', () => {
  it('is false for a top-level page and true inside a frame', () => {
    const top = {} as Window;
    expect(isEmbedded({ self: top, top } as Pick<Window, 'self' | 'top'>)).toBe(false);
    expect(isEmbedded({ self: {} as Window, top } as Pick<Window, 'self' | 'top'>)).toBe(true);
  });

  it('is true when the parent cannot even be read (cross-origin)', () => {
    const win = {
      self: {} as Window,
      get top(): Window {
        throw new Error('SecurityError');
      },
    };
    expect(isEmbedded(win as unknown as Pick<Window, 'self' | 'top'>)).toBe(true);
  });
});
