import { rankScores, type ScoreRow } from './scoreboard.rules';

const row = (attendeeId: string, nickname: string, quizPoints: number, flagPoints = 0): ScoreRow => ({
  attendeeId,
  nickname,
  quizPoints,
  flagPoints,
});

describe('rankScores', () => {
  it('sums quiz and flag points and sorts by total', () => {
    const entries = rankScores([row('1', 'Ada', 3, 0), row('2', 'Bob', 1, 5), row('3', 'Cy', 0, 0)]);
    expect(entries).toEqual([
      { attendeeId: '2', nickname: 'Bob', rank: 1, quizPoints: 1, flagPoints: 5, total: 6 },
      { attendeeId: '1', nickname: 'Ada', rank: 2, quizPoints: 3, flagPoints: 0, total: 3 },
      { attendeeId: '3', nickname: 'Cy', rank: 3, quizPoints: 0, flagPoints: 0, total: 0 },
    ]);
  });

  it('keeps the platform of stream viewers and adds none for in-room attendees', () => {
    const entries = rankScores([
      { ...row('1', 'Ana', 2), platform: 'twitch' },
      { ...row('2', 'Bo', 1), platform: null },
    ]);
    expect(entries[0]).toMatchObject({ nickname: 'Ana', platform: 'twitch' });
    expect(entries[1]).not.toHaveProperty('platform');
  });

  it('uses competition ranking: 1, 2, 2, 4', () => {
    const entries = rankScores([row('a', 'A', 10), row('b', 'B', 7), row('c', 'C', 2, 5), row('d', 'D', 1)]);
    expect(entries.map((e) => [e.nickname, e.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
  });

  it('shares rank 1 when the leaders tie, and after several ties skips as many ranks', () => {
    const entries = rankScores([
      row('a', 'A', 5),
      row('b', 'B', 5),
      row('c', 'C', 3),
      row('d', 'D', 3),
      row('e', 'E', 1),
    ]);
    expect(entries.map((e) => e.rank)).toEqual([1, 1, 3, 3, 5]);
  });

  it('orders equal totals by nickname, case-insensitively, then by id', () => {
    const entries = rankScores([
      row('3', 'bob', 1),
      row('2', 'Bob', 1),
      row('1', 'alice', 1),
      row('0', 'Bob', 1),
    ]);
    expect(entries.map((e) => [e.attendeeId, e.nickname])).toEqual([
      ['1', 'alice'],
      ['0', 'Bob'],
      ['2', 'Bob'],
      ['3', 'bob'],
    ]);
    expect(entries.every((e) => e.rank === 1)).toBe(true);
  });

  it('does not depend on the input order and leaves the input alone', () => {
    const rows = [row('a', 'Zed', 1), row('b', 'Amy', 4), row('c', 'Kim', 4)];
    const copy = structuredClone(rows);
    expect(rankScores(rows)).toEqual(rankScores([...rows].reverse()));
    expect(rows).toEqual(copy);
  });

  it('handles an empty room', () => {
    expect(rankScores([])).toEqual([]);
  });
});
