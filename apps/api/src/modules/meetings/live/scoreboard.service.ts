import { Injectable } from '@nestjs/common';
import type { MyScoreDto, ScoreboardDto, ScoreEntryDto } from '@podium/contracts';
import { rankScores } from '@podium/meetings';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import { ScoreboardRepository } from './scoreboard.repository';

/** What the dashboard shows (overlays slice their own top N out of it). */
export const SCOREBOARD_TOP = 100;
/** Phones show a short list: the top 10 and their own rank. */
export const ATTENDEE_SCOREBOARD_TOP = 10;

/** Totals per attendee: quiz points (answers.points) plus flag points, ranked by rankScores. */
@Injectable()
export class ScoreboardService {
  constructor(private readonly scores: ScoreboardRepository) {}

  /** Every attendee of the meeting, best first. */
  async ranking(meetingId: string): Promise<ScoreEntryDto[]> {
    return rankScores(await this.scores.rows(meetingId));
  }

  async top(meetingId: string, n: number = SCOREBOARD_TOP): Promise<ScoreboardDto> {
    return toScoreboard(meetingId, await this.ranking(meetingId), n);
  }

  async myScore(meetingId: string, attendeeId: string): Promise<MyScoreDto> {
    return myScoreIn(await this.ranking(meetingId), attendeeId);
  }

  /** A phone's own score and the top of the board, from one ranking of the room. */
  async forAttendee(
    meetingId: string,
    attendeeId: string,
  ): Promise<{ me: MyScoreDto; scoreboard: ScoreboardDto }> {
    const ranking = await this.ranking(meetingId);
    return {
      me: myScoreIn(ranking, attendeeId),
      scoreboard: toScoreboard(meetingId, ranking, ATTENDEE_SCOREBOARD_TOP),
    };
  }
}

function myScoreIn(ranking: readonly ScoreEntryDto[], attendeeId: string): MyScoreDto {
  const mine = ranking.find((entry) => entry.attendeeId === attendeeId);
  // The attendee row went away (a reset) while the socket was still open.
  if (!mine) throw new MeetingException(MeetingErrorCode.NotFound, 'You are no longer in this meeting');
  return toMyScore(mine, ranking.length);
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
