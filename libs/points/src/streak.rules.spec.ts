import {
  attendStream,
  currentStreak,
  EMPTY_STREAK,
  nextStreakBonus,
  type StreakState,
  streakBonus,
  streakFromAttendance,
} from './streak.rules';

const bonuses = [
  { length: 5, points: 100 },
  { length: 3, points: 50 },
  { length: 10, points: 500 },
];

function attendAll(seqs: number[]): StreakState {
  return seqs.reduce((state, seq) => attendStream(state, seq).state, EMPTY_STREAK);
}

describe('attendStream', () => {
  it('grows the run on consecutive streams and keeps the best', () => {
    expect(attendAll([1, 2, 3])).toEqual({ current: 3, best: 3, lastStreamSeq: 3, streamsAttended: 3 });
  });

  it('restarts at 1 after a missed stream, keeping the best', () => {
    expect(attendAll([1, 2, 3, 5])).toEqual({ current: 1, best: 3, lastStreamSeq: 5, streamsAttended: 4 });
    expect(attendAll([1, 2, 3, 5, 6])).toMatchObject({ current: 2, best: 3 });
  });

  it('counts a stream once, and never an older one', () => {
    const state = attendAll([1, 2]);
    expect(attendStream(state, 2)).toEqual({ state, counted: false });
    expect(attendStream(state, 1)).toEqual({ state, counted: false });
    expect(attendStream(EMPTY_STREAK, 7)).toMatchObject({
      counted: true,
      state: { current: 1, lastStreamSeq: 7 },
    });
  });
});

describe('streak bonuses', () => {
  it('pays exactly at a chosen length', () => {
    expect(streakBonus(bonuses, 3)).toBe(50);
    expect(streakBonus(bonuses, 4)).toBe(0);
    expect(streakBonus(bonuses, 10)).toBe(500);
    expect(streakBonus([], 3)).toBe(0);
  });

  it('names the next bonus above the current run', () => {
    expect(nextStreakBonus(bonuses, 0)).toEqual({ length: 3, points: 50 });
    expect(nextStreakBonus(bonuses, 3)).toEqual({ length: 5, points: 100 });
    expect(nextStreakBonus(bonuses, 10)).toBeNull();
  });
});

describe('currentStreak', () => {
  const state = attendAll([4, 5, 6]);

  it('is the run while the viewer attended the latest stream', () => {
    expect(currentStreak(state, { seq: 6, live: false })).toBe(3);
    expect(currentStreak(state, { seq: 6, live: true })).toBe(3);
  });

  it('stays alive during the next stream, until it ends without them', () => {
    expect(currentStreak(state, { seq: 7, live: true })).toBe(3);
    expect(currentStreak(state, { seq: 7, live: false })).toBe(0);
    expect(currentStreak(state, { seq: 8, live: true })).toBe(0);
  });

  it('is 0 for a viewer who never attended', () => {
    expect(currentStreak(EMPTY_STREAK, { seq: 1, live: true })).toBe(0);
    expect(currentStreak(EMPTY_STREAK, null)).toBe(0);
  });
});

describe('streakFromAttendance', () => {
  it('pools two identities’ streams into one run', () => {
    // One identity attended 1, 2 and 5; the other 3 and 4: together five in a row.
    expect(streakFromAttendance([1, 2, 5, 3, 4, 2])).toEqual({
      current: 5,
      best: 5,
      lastStreamSeq: 5,
      streamsAttended: 5,
    });
    expect(streakFromAttendance([1, 2, 3, 7])).toEqual({
      current: 1,
      best: 3,
      lastStreamSeq: 7,
      streamsAttended: 4,
    });
    expect(streakFromAttendance([])).toEqual(EMPTY_STREAK);
  });
});
