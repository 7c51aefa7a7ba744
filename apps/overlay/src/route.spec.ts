import { DEFAULT_OVERLAY_OPTIONS, MAX_SCOREBOARD_TOP, parseOverlayOptions, parseOverlayRoute } from './route';

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

describe('parseOverlayOptions', () => {
  it('follows the live meeting and shows 10 rows by default', () => {
    expect(parseOverlayOptions('?token=t')).toEqual({ meeting: 'live', top: 10 });
    expect(parseOverlayOptions('')).toEqual(DEFAULT_OVERLAY_OPTIONS);
  });

  it('reads the meeting id and the number of rows', () => {
    expect(parseOverlayOptions('?token=t&meeting=0b8f3c1e-2d4a-4e5f-9a6b-7c8d9e0f1a2b&top=5')).toEqual({
      meeting: '0b8f3c1e-2d4a-4e5f-9a6b-7c8d9e0f1a2b',
      top: 5,
    });
    expect(parseOverlayOptions('?meeting=live&top=3').meeting).toBe('live');
  });

  it('keeps top between 1 and the maximum, and ignores what is not a whole number', () => {
    expect(parseOverlayOptions('?top=0').top).toBe(1);
    expect(parseOverlayOptions('?top=-4').top).toBe(1);
    expect(parseOverlayOptions('?top=1000').top).toBe(MAX_SCOREBOARD_TOP);
    expect(parseOverlayOptions('?top=2.5').top).toBe(10);
    expect(parseOverlayOptions('?top=ten').top).toBe(10);
    expect(parseOverlayOptions('?top=').top).toBe(10);
  });

  it('follows the live meeting when the id cannot be one', () => {
    expect(parseOverlayOptions('?meeting=').meeting).toBe('live');
    expect(parseOverlayOptions('?meeting=%20').meeting).toBe('live');
    expect(parseOverlayOptions('?meeting=../../api').meeting).toBe('live');
    expect(parseOverlayOptions(`?meeting=${'a'.repeat(65)}`).meeting).toBe('live');
  });
});
