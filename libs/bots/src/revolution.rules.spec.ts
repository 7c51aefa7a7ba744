import {
  countRevolutionViewers,
  decideRevolution,
  isCoolingDown,
  matchesTrigger,
  renderRevolutionMessage,
  REVOLUTION_HIT_MAX_AGE_MS,
  revolutionHitTime,
  revolutionProgress,
  type RevolutionHit,
} from './revolution.rules';

const t0 = new Date('2026-11-21T10:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const settings = { threshold: 3, windowSeconds: 60, cooldownSeconds: 120 };
const fresh = { firedAt: null, cooldownUntil: null };
const hit = (viewerId: string, seconds: number): RevolutionHit => ({ viewerId, at: at(seconds) });

describe('revolution hit time', () => {
  it('is when the viewer typed, within the bound before receipt', () => {
    expect(revolutionHitTime(at(-20), at(0), at(1))).toEqual(at(-20));
    expect(revolutionHitTime(at(-30), at(0), at(1))).toEqual(at(-30));
  });

  it('is never older than the bound before receipt (a platform clock behind, a stale redelivery)', () => {
    expect(REVOLUTION_HIT_MAX_AGE_MS).toBe(30_000);
    expect(revolutionHitTime(at(-3600), at(0), at(1))).toEqual(at(-30));
    // A wider bound (rehearsal bursts, spread by Podium itself) keeps the spread.
    expect(revolutionHitTime(at(-300), at(0), at(1), 600_000)).toEqual(at(-300));
  });

  it('is never in the future (a platform clock ahead): at most now', () => {
    expect(revolutionHitTime(at(90), at(0), at(1))).toEqual(at(1));
    expect(revolutionHitTime(at(1), at(0), at(1))).toEqual(at(1));
  });

  it('keeps its time when the event is retried later (it does not count as typed at the retry)', () => {
    expect(revolutionHitTime(at(0), at(0), at(600))).toEqual(at(0));
  });

  it('falls back on the receipt for an unreadable time', () => {
    expect(revolutionHitTime(new Date('nope'), at(-5), at(0))).toEqual(at(-5));
  });
});

describe('revolution window', () => {
  it('counts distinct viewers, not messages', () => {
    const hits = [hit('a', 1), hit('a', 2), hit('a', 3), hit('b', 4)];
    expect(countRevolutionViewers(hits, settings, fresh, at(10))).toBe(2);
  });

  it('slides: a hit exactly windowSeconds old still counts, one millisecond older does not', () => {
    const hits = [hit('a', 0), { viewerId: 'b', at: new Date(t0.getTime() - 1) }];
    expect(countRevolutionViewers(hits, settings, fresh, at(60))).toBe(1);
    expect(countRevolutionViewers(hits, settings, fresh, new Date(at(60).getTime() + 1))).toBe(0);
  });

  it('forgets hits from before (and at) the last fire', () => {
    const hits = [hit('a', 5), hit('b', 10), hit('c', 11)];
    expect(countRevolutionViewers(hits, settings, { firedAt: at(10) }, at(20))).toBe(1);
  });

  it('ignores hits from the future (clock skew)', () => {
    expect(countRevolutionViewers([hit('a', 30)], settings, fresh, at(20))).toBe(0);
  });
});

describe('revolution decision', () => {
  it('fires when the count reaches the threshold, not before', () => {
    expect(decideRevolution(settings, fresh, 2, at(0))).toEqual({ fires: false, count: 2 });
    expect(decideRevolution(settings, fresh, 3, at(0))).toEqual({
      fires: true,
      count: 3,
      firedAt: at(0),
      cooldownUntil: at(120),
    });
  });

  it('does not fire during the cooldown, and may again at its end', () => {
    const state = { firedAt: at(0), cooldownUntil: at(120) };
    expect(isCoolingDown(state, at(119.999))).toBe(true);
    expect(decideRevolution(settings, state, 50, at(119.999)).fires).toBe(false);
    expect(isCoolingDown(state, at(120))).toBe(false);
    expect(decideRevolution(settings, state, 3, at(120)).fires).toBe(true);
  });

  it('with no cooldown can fire again as soon as enough new viewers came', () => {
    const noRest = { ...settings, cooldownSeconds: 0 };
    const fired = decideRevolution(noRest, fresh, 3, at(0));
    expect(fired).toMatchObject({ fires: true, cooldownUntil: at(0) });
    const state = { firedAt: at(0), cooldownUntil: at(0) };
    const hits = [hit('a', 0), hit('b', 1), hit('c', 2), hit('d', 3)];
    const count = countRevolutionViewers(hits, noRest, state, at(3));
    expect(count).toBe(3);
    expect(decideRevolution(noRest, state, count, at(3)).fires).toBe(true);
  });
});

describe('revolution helpers', () => {
  it('reports progress as a share of the threshold, capped at 1', () => {
    expect(revolutionProgress(0, 30)).toBe(0);
    expect(revolutionProgress(15, 30)).toBe(0.5);
    expect(revolutionProgress(45, 30)).toBe(1);
  });

  it('renders {count} in the message, any case, and leaves other braces alone', () => {
    expect(renderRevolutionMessage('{count} rebels! {COUNT} {user}', 30)).toBe('30 rebels! 30 {user}');
  });

  it('matches the trigger as the first word only, case aside', () => {
    expect(matchesTrigger('!revolution', '!revolution')).toBe(true);
    expect(matchesTrigger('  !REVOLUTION now please', '!revolution')).toBe(true);
    expect(matchesTrigger('!revolutionary', '!revolution')).toBe(false);
    expect(matchesTrigger('join the !revolution', '!revolution')).toBe(false);
    expect(matchesTrigger('', '!revolution')).toBe(false);
  });
});
