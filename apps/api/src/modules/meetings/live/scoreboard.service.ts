import { Injectable } from '@nestjs/common';
import type { MyScoreDto, ScoreboardDto, ScoreEntryDto } from '@podium/contracts';
import { rankScores, type ScoreRow } from '@podium/meetings';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import { ScoreboardRepository } from './scoreboard.repository';

/** What the dashboard shows (overlays slice their own top N out of it). */
export const SCOREBOARD_TOP = 100;
/** Phones show a short list: the top 10 and their own rank. */
export const ATTENDEE_SCOREBOARD_TOP = 10;
/**
 * From this many attendees, a phone's join (or flag capture) ranks itself against the room as read
 * at most RECENT_RANKING_MS ago, instead of reading and ranking the whole room once per phone: a
 * join storm of N phones cost N² rows. The phone's own points and the attendee count stay fresh;
 * the others' totals and the top of the board may be that old (the scoreboard tick pushes changes).
 */
export const RECENT_RANKING_FROM = 200;
export const RECENT_RANKING_MS = 1_000;

interface RecentRanking {
  readAt: number;
  ranking: ScoreEntryDto[];
}

/** Totals per attendee: quiz points (answers.points) plus flag points, ranked by rankScores. */
@Injectable()
export class ScoreboardService {
  private readonly recent = new Map<string, RecentRanking>();
  /** Reads under way per meeting, shared by the phones that may use a recent ranking. */
  private readonly reading = new Map<string, Promise<ScoreEntryDto[]>>();

  constructor(private readonly scores: ScoreboardRepository) {}

  /** Every attendee of the meeting, best first, read now (and kept as the recent ranking). */
  async ranking(meetingId: string): Promise<ScoreEntryDto[]> {
    const ranking = rankScores(await this.scores.rows(meetingId));
    // Small rooms are ranked afresh each time: nothing to keep.
    if (ranking.length >= RECENT_RANKING_FROM) this.recent.set(meetingId, { readAt: Date.now(), ranking });
    else this.recent.delete(meetingId);
    return ranking;
  }

  /** Drops what is kept of the meeting (reset, deleted). */
  forget(meetingId: string): void {
    this.recent.delete(meetingId);
  }

  async top(meetingId: string, n: number = SCOREBOARD_TOP): Promise<ScoreboardDto> {
    return toScoreboard(meetingId, await this.ranking(meetingId), n);
  }

  async myScore(meetingId: string, attendeeId: string): Promise<MyScoreDto> {
    return (await this.forAttendee(meetingId, attendeeId)).me;
  }

  /** A phone's own score and the top of the board. */
  async forAttendee(
    meetingId: string,
    attendeeId: string,
  ): Promise<{ me: MyScoreDto; scoreboard: ScoreboardDto }> {
    const mine = await this.scores.rowOf(meetingId, attendeeId);
    // The attendee row went away (a reset) while the socket was still open.
    if (!mine) throw new MeetingException(MeetingErrorCode.NotFound, 'You are no longer in this meeting');
    const { row, attendeeCount } = mine;
    const ranking =
      attendeeCount < RECENT_RANKING_FROM
        ? await this.ranking(meetingId)
        : await this.recentRanking(meetingId);
    return {
      me: toMyScore(rankAmong(row, ranking), attendeeCount),
      scoreboard: { ...toScoreboard(meetingId, ranking, ATTENDEE_SCOREBOARD_TOP), attendeeCount },
    };
  }

  private recentRanking(meetingId: string): Promise<ScoreEntryDto[]> {
    const kept = this.recent.get(meetingId);
    if (kept && Date.now() - kept.readAt < RECENT_RANKING_MS) return Promise.resolve(kept.ranking);
    const reading = this.reading.get(meetingId);
    if (reading) return reading;
    const read = this.ranking(meetingId).finally(() => this.reading.delete(meetingId));
    this.reading.set(meetingId, read);
    return read;
  }
}

/**
 * The attendee's entry with its fresh points: competition ranking puts it right after everyone
 * with a higher total (rankScores gives the same rank when the ranking is current).
 */
export function rankAmong(row: ScoreRow, ranking: readonly ScoreEntryDto[]): ScoreEntryDto {
  const total = row.quizPoints + row.flagPoints;
  let above = 0;
  for (const entry of ranking) {
    if (entry.attendeeId !== row.attendeeId && entry.total > total) above += 1;
  }
  return {
    attendeeId: row.attendeeId,
    nickname: row.nickname,
    rank: above + 1,
    quizPoints: row.quizPoints,
    flagPoints: row.flagPoints,
    total,
    ...(row.platform ? { platform: row.platform } : {}),
  };
}

export function toScoreboard(meetingId: string, ranking: readonly ScoreEntryDto[], n: number): ScoreboardDto {
  return { meetingId, attendeeCount: ranking.length, entries: ranking.slice(0, Math.max(0, n)) };
}

export function toMyScore(entry: ScoreEntryDto, attendeeCount: number): MyScoreDto {
  return {
    attendeeId: entry.attendeeId,
    nickname: entry.nickname,
    total: entry.total,
    rank: entry.rank,
    attendeeCount,
  };
}
