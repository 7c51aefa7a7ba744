import { rankScores, type ScoreRow } from '@podium/meetings';
import { rankAmong } from './scoreboard.service';

describe('rankAmong', () => {
  const rows: ScoreRow[] = Array.from({ length: 60 }, (_, i) => ({
    attendeeId: `a${i}`,
    nickname: `N${(i * 7) % 13}`,
    quizPoints: (i * 37) % 5,
    flagPoints: i % 3 === 0 ? 10 : 0,
    platform: i % 4 === 0 ? 'twitch' : null,
  }));

  it('gives every attendee the entry rankScores gives them when the ranking is current', () => {
    const ranking = rankScores(rows);
    for (const row of rows) {
      expect(rankAmong(row, ranking)).toEqual(ranking.find((e) => e.attendeeId === row.attendeeId));
    }
  });

  it('ranks a newcomer (not in an older ranking) after everyone with more points', () => {
    const ranking = rankScores(rows);
    const newcomer: ScoreRow = { attendeeId: 'new', nickname: 'New', quizPoints: 4, flagPoints: 0 };
    const entry = rankAmong(newcomer, ranking);
    expect(entry.rank).toBe(rankScores([...rows, newcomer]).find((e) => e.attendeeId === 'new')?.rank);
    expect(entry).toMatchObject({ total: 4, quizPoints: 4, flagPoints: 0, nickname: 'New' });
  });
});
