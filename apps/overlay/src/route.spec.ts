import { parseOverlayRoute } from './route';

const KINDS = ['test'] as const;
const parse = (path: string, search = '') => parseOverlayRoute(path, search, '/overlay/', KINDS);

describe('parseOverlayRoute', () => {
  it('reads the kind from the path and the token from the query', () => {
    expect(parse('/overlay/test', '?token=abc123')).toEqual({
      type: 'overlay',
      kind: 'test',
      token: 'abc123',
    });
    expect(parse('/overlay/test/', '?lang=fr&token=abc123')).toEqual({
      type: 'overlay',
      kind: 'test',
      token: 'abc123',
    });
  });

  it('says when the token is missing or blank', () => {
    expect(parse('/overlay/test')).toEqual({ type: 'missing-token', kind: 'test' });
    expect(parse('/overlay/test', '?token=%20')).toEqual({ type: 'missing-token', kind: 'test' });
  });

  it('says when the kind is unknown (or absent)', () => {
    expect(parse('/overlay/leaderboard', '?token=abc')).toEqual({
      type: 'unknown-kind',
      kind: 'leaderboard',
    });
    expect(parse('/overlay/', '?token=abc')).toEqual({ type: 'unknown-kind', kind: '' });
    expect(parse('/overlay/%E0%A4%A', '?token=abc')).toEqual({ type: 'unknown-kind', kind: '%E0%A4%A' });
  });

  it('works with a base without its trailing slash', () => {
    expect(parseOverlayRoute('/overlay/test', '?token=t', '/overlay', KINDS)).toEqual({
      type: 'overlay',
      kind: 'test',
      token: 't',
    });
  });
});
