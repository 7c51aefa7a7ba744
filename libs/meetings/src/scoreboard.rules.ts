import type { ParticipantPlatform, ScoreEntryDto } from '@podium/contracts';

export interface ScoreRow {
  attendeeId: string;
  nickname: string;
  quizPoints: number;
  flagPoints: number;
  /** Stream viewers who answered from chat; null or absent for in-room attendees. */
  platform?: ParticipantPlatform | null;
}

/**
 * Best first: total desc, then nickname (case-insensitive, then exact, then attendee id, so the
 * order never depends on the database's). Competition ranking: equal totals share a rank and the
 * next rank skips (1, 2, 2, 4).
 */
export function rankScores(rows: readonly ScoreRow[]): ScoreEntryDto[] {
  const sorted = rows
    .map((row) => ({ ...row, total: row.quizPoints + row.flagPoints }))
    .sort(
      (a, b) =>
        b.total - a.total ||
        compare(a.nickname.toLowerCase(), b.nickname.toLowerCase()) ||
        compare(a.nickname, b.nickname) ||
        compare(a.attendeeId, b.attendeeId),
    );
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.total !== sorted[i - 1]?.total) rank = i + 1;
    return {
      attendeeId: row.attendeeId,
      nickname: row.nickname,
      rank,
      quizPoints: row.quizPoints,
      flagPoints: row.flagPoints,
      total: row.total,
      ...(row.platform ? { platform: row.platform } : {}),
    };
  });
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
