import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { rooms } from '../../realtime/rooms';
import { LiveStateRepository } from './live-state.repository';
import { KeyedThrottle } from '../../../common/concurrency/keyed-throttle';
import { MeetingsLiveGateway } from './meetings-live.gateway';
import {
  ATTENDEE_SCOREBOARD_TOP,
  SCOREBOARD_TOP,
  ScoreboardService,
  toMyScore,
  toScoreboard,
} from './scoreboard.service';

/** A burst of captures (a code shown on stream) makes one scoreboard push per this interval. */
export const SCOREBOARD_TICK_MS = 500;
/**
 * Pushes `meeting.scoreboard` after a quiz is scored or a flag captured, and `attendee.score` to
 * each attendee whose total, rank or attendee count changed since this process last told them.
 */
@Injectable()
export class ScoreboardTicker implements OnModuleDestroy {
  private readonly logger = new Logger(ScoreboardTicker.name);
  /** Per meeting, per attendee: the score last sent, as `total/rank/count`. */
  private readonly sent = new Map<string, Map<string, string>>();
  private readonly throttle = new KeyedThrottle(
    SCOREBOARD_TICK_MS,
    (meetingId) => this.flush(meetingId),
    (meetingId, error) => this.logger.error({ err: error, meetingId }, 'scoreboard push failed'),
  );

  constructor(
    private readonly state: LiveStateRepository,
    private readonly scoreboard: ScoreboardService,
    private readonly gateway: MeetingsLiveGateway,
  ) {}

  mark(meetingId: string): void {
    this.throttle.mark(meetingId);
  }

  forget(meetingId: string): void {
    this.throttle.forget(meetingId);
    this.sent.delete(meetingId);
    this.scoreboard.forget(meetingId);
  }

  async onModuleDestroy(): Promise<void> {
    await this.throttle.stop();
  }

  private async flush(meetingId: string): Promise<void> {
    const meeting = await this.state.findById(meetingId);
    if (!meeting) return this.forget(meetingId);
    const ranking = await this.scoreboard.ranking(meetingId);
    const version = meeting.liveVersion;
    const io = this.gateway.server;
    io.to([rooms.meetingOrganizers(meetingId), rooms.meetingOverlays(meetingId)]).emit('meeting.scoreboard', {
      meetingId,
      version,
      scoreboard: toScoreboard(meetingId, ranking, SCOREBOARD_TOP),
    });
    io.to(rooms.meetingAttendees(meetingId)).emit('meeting.scoreboard', {
      meetingId,
      version,
      scoreboard: toScoreboard(meetingId, ranking, ATTENDEE_SCOREBOARD_TOP),
    });
    const before = this.sent.get(meetingId) ?? new Map<string, string>();
    const now = new Map<string, string>();
    for (const entry of ranking) {
      const mine = toMyScore(entry, ranking.length);
      const key = `${mine.total}/${mine.rank}/${mine.attendeeCount}`;
      now.set(entry.attendeeId, key);
      if (before.get(entry.attendeeId) !== key)
        io.to(rooms.attendee(entry.attendeeId)).emit('attendee.score', mine);
    }
    // After the end no score moves again: nothing needs remembering.
    if (meeting.phase === 'after') {
      this.sent.delete(meetingId);
      this.scoreboard.forget(meetingId);
    } else this.sent.set(meetingId, now);
  }
}
