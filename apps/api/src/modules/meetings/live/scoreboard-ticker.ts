import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ScoreEntryDto } from '@podium/contracts';
import { rooms } from '../../realtime/rooms';
import type { PodiumServer } from '../../realtime/socket-data';
import { LiveStateRepository } from './live-state.repository';
import { KeyedThrottle } from '../../../common/concurrency/keyed-throttle';
import { MeetingsLiveGateway } from './meetings-live.gateway';
import { ResultsTicker } from './results-ticker';
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
 * each attendee whose total or rank changed since this process last told them.
 *
 * Each attendee's own score is a push of its own: after a quiz with 20,000 attendees, 20,000 of
 * them. Through the Redis adapter each would be a publish that every replica receives and decodes,
 * so instead every replica pushes the scores of the attendees connected to it: the replica where
 * the scores moved pushes the boards to the rooms (once, across replicas) and tells the others,
 * and each replica reads the ranking and writes to its own sockets.
 */
@Injectable()
export class ScoreboardTicker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ScoreboardTicker.name);
  /** Per meeting, per attendee connected here: the score last sent, as `total/rank`. */
  private readonly sent = new Map<string, Map<string, string>>();
  /** Meetings whose scores moved in this process: their next flush also pushes the boards. */
  private readonly boardsDue = new Set<string>();
  private readonly throttle = new KeyedThrottle(
    SCOREBOARD_TICK_MS,
    (meetingId) => this.flush(meetingId),
    (meetingId, error) => this.logger.error({ err: error, meetingId }, 'scoreboard push failed'),
  );

  constructor(
    private readonly state: LiveStateRepository,
    private readonly scoreboard: ScoreboardService,
    private readonly gateway: MeetingsLiveGateway,
    private readonly results: ResultsTicker,
  ) {}

  onApplicationBootstrap(): void {
    // Scores that moved on another replica: push the ones of the attendees connected here.
    this.io.on('meeting.scoresChanged', (meetingId) => this.throttle.mark(meetingId));
  }

  /** The meeting's scores moved in this process (a quiz scored, a flag captured, a player joined). */
  mark(meetingId: string): void {
    this.boardsDue.add(meetingId);
    this.throttle.mark(meetingId);
  }

  forget(meetingId: string): void {
    this.throttle.forget(meetingId);
    this.sent.delete(meetingId);
    this.boardsDue.delete(meetingId);
    this.scoreboard.forget(meetingId);
  }

  async onModuleDestroy(): Promise<void> {
    await this.throttle.stop();
  }

  private get io(): PodiumServer {
    return this.gateway.server;
  }

  private async flush(meetingId: string): Promise<void> {
    // Taken before the read: a change during it marks the meeting again and the next flush pushes.
    const boards = this.boardsDue.delete(meetingId);
    if (boards && (await this.io.of('/').adapter.serverCount()) > 1) {
      this.io.serverSideEmit('meeting.scoresChanged', meetingId);
    }
    const meeting = await this.state.findById(meetingId);
    if (!meeting) return this.forget(meetingId);
    const ranking = await this.scoreboard.ranking(meetingId);
    const version = meeting.liveVersion;
    const board = { meetingId, version, scoreboard: toScoreboard(meetingId, ranking, SCOREBOARD_TOP) };
    if (boards) this.io.to(rooms.meetingOrganizers(meetingId)).emit('meeting.scoreboard', board);
    // Phones and overlays get a transition's state from the results ticker, after a read: a board
    // of that version must not reach them first. Organizers had theirs at once.
    await this.results.statePushed(meetingId);
    if (boards) {
      this.io.to(rooms.meetingOverlays(meetingId)).emit('meeting.scoreboard', board);
      this.io.to(rooms.meetingAttendees(meetingId)).emit('meeting.scoreboard', {
        meetingId,
        version,
        scoreboard: toScoreboard(meetingId, ranking, ATTENDEE_SCOREBOARD_TOP),
      });
    }
    this.pushOwnScores(meetingId, ranking);
    // After the end no score moves again: nothing needs remembering.
    if (meeting.phase === 'after') {
      this.sent.delete(meetingId);
      this.scoreboard.forget(meetingId);
    }
  }

  /**
   * To each attendee connected to this process whose total or rank changed. The attendee count
   * alone is no reason: phones take it from the boards (a player joining moves nobody's rank).
   */
  private pushOwnScores(meetingId: string, ranking: readonly ScoreEntryDto[]): void {
    const here = this.io.of('/').adapter.rooms;
    const before = this.sent.get(meetingId) ?? new Map<string, string>();
    const now = new Map<string, string>();
    for (const entry of ranking) {
      const room = rooms.attendee(entry.attendeeId);
      if (!here.has(room)) continue;
      const key = `${entry.total}/${entry.rank}`;
      now.set(entry.attendeeId, key);
      if (before.get(entry.attendeeId) !== key) {
        this.io.local.to(room).emit('attendee.score', toMyScore(entry, ranking.length));
      }
    }
    this.sent.set(meetingId, now);
  }
}
