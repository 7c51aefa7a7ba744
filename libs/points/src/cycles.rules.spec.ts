import { cycleSourceKey, cycleStart, cycleVerdict, presenceSince } from './cycles.rules';

const on = { cyclesEnabled: true, pointsPerCycle: 10, onlyWhileLive: true };

describe('cycleStart', () => {
  it('floors to a multiple of the cycle length since the epoch', () => {
    const at = Date.parse('2026-11-21T10:17:42.123Z');
    expect(cycleStart(at, 10).toISOString()).toBe('2026-11-21T10:10:00.000Z');
    expect(cycleStart(at, 1).toISOString()).toBe('2026-11-21T10:17:00.000Z');
    expect(cycleStart(at, 60).toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });

  it('gives the same key to every instant of a cycle and a new one at its boundary', () => {
    const start = Date.parse('2026-11-21T10:10:00.000Z');
    expect(cycleStart(start, 10).getTime()).toBe(start);
    expect(cycleStart(start + 599_999, 10).getTime()).toBe(start);
    expect(cycleStart(start + 600_000, 10).getTime()).toBe(start + 600_000);
    expect(cycleStart(start - 1, 10).getTime()).toBe(start - 600_000);
  });

  it('counts cycle lengths in a shortened minute when told (tests)', () => {
    const at = Date.parse('2026-11-21T10:17:42.123Z');
    expect(cycleStart(at, 1, 1_000).toISOString()).toBe('2026-11-21T10:17:42.000Z');
    expect(cycleStart(at, 5, 1_000).toISOString()).toBe('2026-11-21T10:17:40.000Z');
  });

  it('refuses a cycle shorter than a minute', () => {
    expect(() => cycleStart(0, 0)).toThrow(RangeError);
    expect(() => cycleStart(0, 1.5)).toThrow(RangeError);
  });
});

describe('presenceSince', () => {
  it('goes back the presence window', () => {
    expect(presenceSince(Date.parse('2026-11-21T10:10:00Z'), 10).toISOString()).toBe(
      '2026-11-21T10:00:00.000Z',
    );
  });
});

describe('cycleVerdict', () => {
  it('pays when on, worth points, live and someone is present', () => {
    expect(cycleVerdict(on, { liveConnections: 1, presentViewers: 3 })).toEqual({ pay: true });
  });
  it('says why it does not pay', () => {
    expect(cycleVerdict({ ...on, cyclesEnabled: false }, { liveConnections: 1, presentViewers: 3 })).toEqual({
      pay: false,
      reason: 'disabled',
    });
    expect(cycleVerdict({ ...on, pointsPerCycle: 0 }, { liveConnections: 1, presentViewers: 3 })).toEqual({
      pay: false,
      reason: 'zero_points',
    });
    expect(cycleVerdict(on, { liveConnections: 0, presentViewers: 3 })).toEqual({
      pay: false,
      reason: 'not_live',
    });
    expect(cycleVerdict(on, { liveConnections: 2, presentViewers: 0 })).toEqual({
      pay: false,
      reason: 'nobody_present',
    });
  });
  it('pays offline streams when live-only is off', () => {
    expect(cycleVerdict({ ...on, onlyWhileLive: false }, { liveConnections: 0, presentViewers: 1 })).toEqual({
      pay: true,
    });
  });
});

describe('cycleSourceKey', () => {
  it('is per cycle and viewer', () => {
    const start = new Date('2026-11-21T10:10:00Z');
    expect(cycleSourceKey(start, 'v1')).toBe('cycle:2026-11-21T10:10:00.000Z:v1');
    expect(cycleSourceKey(start, 'v1')).not.toBe(cycleSourceKey(start, 'v2'));
  });
});
