import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { rooms } from '../../realtime/rooms';
import type { PodiumServer } from '../../realtime/socket-data';
import { LiveResultsService } from './live-results.service';
import { KeyedThrottle } from './meeting-throttle';
import { MeetingsLiveGateway } from './meetings-live.gateway';
import { countPresent } from './presence';

/** How often, at most, one meeting's results are pushed while answers pour in. */
export const RESULTS_TICK_MS = 150;
/**
 * Counting present attendees asks every replica for its sockets: done at most this often per
 * meeting while they join and leave, and reused by results pushes for as long.
 */
export const PRESENCE_TICK_MS = 1_000;

interface PresentCount {
  value: number;
  countedAt: number;
}

/**
 * Pushes results on a short per-meeting tick instead of once per answer: answers mark the meeting
 * dirty, a flush computes its results once from the database and sends one `meeting.results` per
 * audience room. Attendees and overlays only get them when resultsVisibleTo allows it.
 * Organizers also get `meeting.presence` when the number of connected attendees changes.
 */
@Injectable()
export class ResultsTicker implements OnModuleDestroy {
  private readonly logger = new Logger(ResultsTicker.name);
  private readonly present = new Map<string, PresentCount>();
  private readonly results = new KeyedThrottle(
    RESULTS_TICK_MS,
    (meetingId) => this.flushResults(meetingId),
    (meetingId, error) => this.logger.error({ err: error, meetingId }, 'results push failed'),
  );
  private readonly presence = new KeyedThrottle(
    PRESENCE_TICK_MS,
    (meetingId) => this.flushPresence(meetingId),
    (meetingId, error) => this.logger.error({ err: error, meetingId }, 'presence push failed'),
  );

  constructor(
    private readonly live: LiveResultsService,
    private readonly gateway: MeetingsLiveGateway,
  ) {}

  markResults(meetingId: string): void {
    this.results.mark(meetingId);
  }

  markPresence(meetingId: string): void {
    this.presence.mark(meetingId);
  }

  forget(meetingId: string): void {
    this.results.forget(meetingId);
    this.presence.forget(meetingId);
    this.present.delete(meetingId);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.results.stop(), this.presence.stop()]);
  }

  private async flushResults(meetingId: string): Promise<void> {
    const current = await this.live.current(meetingId);
    if (!current) return this.forget(meetingId);
    const { version } = current;
    if (current.organizer) {
      const present = await this.presentNow(meetingId);
      this.io.to(rooms.meetingOrganizers(meetingId)).emit('meeting.results', {
        meetingId,
        version,
        results: current.organizer,
        present,
      });
    }
    if (current.public) {
      this.io
        .to([rooms.meetingAttendees(meetingId), rooms.meetingOverlays(meetingId)])
        .emit('meeting.results', { meetingId, version, results: current.public, present: 0 });
    }
    // Nothing changes after the end: what is remembered of the meeting can go.
    if (current.phase === 'after') this.present.delete(meetingId);
  }

  private async flushPresence(meetingId: string): Promise<void> {
    const before = this.present.get(meetingId)?.value;
    const present = await this.count(meetingId);
    if (present !== before) {
      this.io.to(rooms.meetingOrganizers(meetingId)).emit('meeting.presence', { meetingId, present });
    }
  }

  /** The last count when recent enough, else a new one. */
  private async presentNow(meetingId: string): Promise<number> {
    const known = this.present.get(meetingId);
    if (known && Date.now() - known.countedAt < PRESENCE_TICK_MS) return known.value;
    return this.count(meetingId);
  }

  private get io(): PodiumServer {
    return this.gateway.server;
  }

  private async count(meetingId: string): Promise<number> {
    const value = await countPresent(this.io, meetingId);
    this.present.set(meetingId, { value, countedAt: Date.now() });
    return value;
  }
}
