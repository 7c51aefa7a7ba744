import {
  nextPacificMidnight,
  pacificDayOf,
  planYoutubePoll,
  YOUTUBE_PACE_HORIZON_MS,
  youtubeCanSpend,
  youtubeQuotaUsedOn,
} from './youtube-quota.rules';

describe('the Pacific-time quota day', () => {
  it.each([
    // PDT (UTC-7) in summer, PST (UTC-8) in winter.
    ['2026-07-01T06:59:59Z', '2026-06-30'],
    ['2026-07-01T07:00:00Z', '2026-07-01'],
    ['2026-01-15T07:59:59Z', '2026-01-14'],
    ['2026-01-15T08:00:00Z', '2026-01-15'],
  ])('%s falls on %s', (at, day) => {
    expect(pacificDayOf(new Date(at))).toBe(day);
  });

  it.each([
    ['2026-07-01T12:00:00Z', '2026-07-02T07:00:00.000Z'],
    ['2026-01-15T12:34:56.789Z', '2026-01-16T08:00:00.000Z'],
    // Just before midnight: the reset is moments away.
    ['2026-07-02T06:59:59Z', '2026-07-02T07:00:00.000Z'],
    // DST starts 2026-03-08 at 2 am: the evening before is PST, the next midnight PDT.
    ['2026-03-08T09:30:00Z', '2026-03-09T07:00:00.000Z'],
    ['2026-03-07T09:00:00Z', '2026-03-08T08:00:00.000Z'],
    // DST ends 2026-11-01 at 2 am.
    ['2026-11-01T08:00:00Z', '2026-11-02T08:00:00.000Z'],
  ])('after %s the quota resets at %s', (at, reset) => {
    expect(nextPacificMidnight(new Date(at)).toISOString()).toBe(reset);
  });

  it("counts only today's usage", () => {
    const at = new Date('2026-07-01T12:00:00Z');
    expect(youtubeQuotaUsedOn({ day: '2026-07-01', used: 120 }, at)).toBe(120);
    expect(youtubeQuotaUsedOn({ day: '2026-06-30', used: 9_000 }, at)).toBe(0);
    expect(youtubeQuotaUsedOn(undefined, at)).toBe(0);
  });

  it('lets a call through only while it fits the budget', () => {
    expect(youtubeCanSpend(9_980, 10_000, 'liveChatMessages.insert')).toBe(true);
    expect(youtubeCanSpend(9_981, 10_000, 'liveChatMessages.insert')).toBe(false);
  });
});

describe('planYoutubePoll', () => {
  const morning = new Date('2026-07-01T16:00:00Z'); // 9 am PDT: 15 h to the reset

  it("follows YouTube's interval while the budget is plentiful", () => {
    expect(planYoutubePoll({ now: morning, used: 0, budget: 10_000_000, apiIntervalMs: 5_037 })).toEqual({
      action: 'poll',
      delayMs: 5_037,
    });
  });

  it('never polls faster than YouTube asks, and uses a default when it does not say', () => {
    expect(planYoutubePoll({ now: morning, used: 0, budget: 10_000_000, apiIntervalMs: 0 })).toEqual({
      action: 'poll',
      delayMs: 250,
    });
    expect(planYoutubePoll({ now: morning, used: 0, budget: 10_000_000, apiIntervalMs: null })).toEqual({
      action: 'poll',
      delayMs: 5_000,
    });
  });

  it('slows down so the default budget lasts a long stream', () => {
    // 10,000 − 1,000 reserve = 1,800 polls over 4 h → one per 8 s.
    const plan = planYoutubePoll({ now: morning, used: 0, budget: 10_000, apiIntervalMs: 5_000 });
    expect(plan).toEqual({ action: 'poll', delayMs: Math.ceil(YOUTUBE_PACE_HORIZON_MS / 1_800) });
    // With 8,500 used only 100 polls are left: one per 144 s.
    expect(planYoutubePoll({ now: morning, used: 8_500, budget: 10_000, apiIntervalMs: 5_000 })).toEqual({
      action: 'poll',
      delayMs: 144_000,
    });
  });

  it('spreads the rest over the time to the reset when that is shorter', () => {
    const lateEvening = new Date('2026-07-02T06:00:00Z'); // 11 pm PDT, 1 h to go
    expect(planYoutubePoll({ now: lateEvening, used: 8_500, budget: 10_000, apiIntervalMs: 5_000 })).toEqual({
      action: 'poll',
      delayMs: 36_000,
    });
  });

  it('pauses until midnight Pacific once only the reserve is left', () => {
    expect(planYoutubePoll({ now: morning, used: 8_996, budget: 10_000, apiIntervalMs: 5_000 })).toEqual({
      action: 'pause',
      until: new Date('2026-07-02T07:00:00.000Z'),
    });
  });
});
