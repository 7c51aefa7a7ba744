import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ReplicaTurns } from '../../redis/replica-turns';
import { rooms } from '../../realtime/rooms';
import type { PodiumServer } from '../../realtime/socket-data';
import { type CurrentResults, LiveResultsService } from './live-results.service';
import { KeyedThrottle } from '../../../common/concurrency/keyed-throttle';
import { MeetingsLiveGateway } from './meetings-live.gateway';
import { Presence } from './presence';

/** How often, at most, one meeting's results reach its organizers while answers pour in. */
export const RESULTS_TICK_MS = 150;
/**
 * The same for attendees and overlays while the question is open: a push to 20,000 phones costs
 * the server far more than one to a dashboard, and a phone's bar chart need not move faster.
 * Results of a closed question (the final ones) go to them on the organizers' tick, at once.
 */
export const PUBLIC_RESULTS_TICK_MS = 500;
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
 * dirty, a flush computes its results from the database and sends one `meeting.results` to the
 * audience rooms it serves (organizers every RESULTS_TICK_MS, attendees and overlays every
 * PUBLIC_RESULTS_TICK_MS, or at once when the question is closed). Attendees and overlays only get
 * them when resultsVisibleTo allows it.
 * Organizers also get `meeting.presence` when the number of connected attendees changes.
 */
@Injectable()
export class ResultsTicker implements OnModuleDestroy {
  private readonly logger = new Logger(ResultsTicker.name);
  private readonly present = new Map<string, PresentCount>();
  /** Numbers results reads in the order they start, per process. */
  private reads = 0;
  /** Per meeting: the read behind the last public push; an older read finishing later is dropped. */
  private readonly publicRead = new Map<string, number>();
  private readonly results = new KeyedThrottle(
    RESULTS_TICK_MS,
    (meetingId) => this.flushResults(meetingId),
    (meetingId, error) => this.logger.error({ err: error, meetingId }, 'results push failed'),
  );
  private readonly publicResults = new KeyedThrottle(
    PUBLIC_RESULTS_TICK_MS,
    (meetingId) => this.flushPublicResults(meetingId),
    (meetingId, error) => this.logger.error({ err: error, meetingId }, 'public results push failed'),
  );
  private readonly presence = new KeyedThrottle(
    PRESENCE_TICK_MS,
    (meetingId) => this.flushPresence(meetingId),
    (meetingId, error) => this.logger.error({ err: error, meetingId }, 'presence push failed'),
  );

  constructor(
    private readonly live: LiveResultsService,
    private readonly gateway: MeetingsLiveGateway,
    private readonly presenceOf: Presence,
    private readonly turns: ReplicaTurns,
  ) {}

  markResults(meetingId: string): void {
    this.results.mark(meetingId);
    this.publicResults.mark(meetingId);
  }

  markPresence(meetingId: string): void {
    this.presence.mark(meetingId);
  }

  forget(meetingId: string): void {
    this.results.forget(meetingId);
    this.publicResults.forget(meetingId);
    this.presence.forget(meetingId);
    this.present.delete(meetingId);
    this.publicRead.delete(meetingId);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.results.stop(), this.publicResults.stop(), this.presence.stop()]);
  }

  private async flushResults(meetingId: string): Promise<void> {
    if (!(await this.myTurn(`results:${meetingId}`, RESULTS_TICK_MS, () => this.results.mark(meetingId))))
      return;
    const read = (this.reads += 1);
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
    // Closed (or past): no more answers, so these are the final results and nobody waits for them.
    if (current.phase !== 'question_open') this.pushPublic(current, read);
    // Nothing changes after the end: what is remembered of the meeting can go.
    if (current.phase === 'after') {
      this.present.delete(meetingId);
      this.publicRead.delete(meetingId);
    }
  }

  private async flushPublicResults(meetingId: string): Promise<void> {
    const key = `public-results:${meetingId}`;
    if (!(await this.myTurn(key, PUBLIC_RESULTS_TICK_MS, () => this.publicResults.mark(meetingId)))) return;
    const read = (this.reads += 1);
    const current = await this.live.current(meetingId);
    if (current?.phase === 'question_open') this.pushPublic(current, read);
  }

  /** Two ticks read side by side: the final results must not be followed by older ones. */
  private pushPublic({ meetingId, version, public: results }: CurrentResults, read: number): void {
    if (!results || read < (this.publicRead.get(meetingId) ?? 0)) return;
    this.publicRead.set(meetingId, read);
    // One emit to both rooms: the payload is encoded once, whatever the number of sockets.
    this.io
      .to([rooms.meetingAttendees(meetingId), rooms.meetingOverlays(meetingId)])
      .emit('meeting.results', { meetingId, version, results, present: 0 });
  }

  /**
   * Every replica that takes answers marks the meeting, but one push per tick to the room is
   * enough: each reads the results from the database, so the replica whose turn it is pushes
   * everyone's answers. Three replicas pushed three times as often as one (2,000 attendees: 18
   * dashboard pushes in a burst against 7). A replica that finds the turn taken marks the meeting
   * again: its own throttle tries once more after a tick, when the turn has passed, so no answer
   * waits more than about a tick longer.
   */
  private async myTurn(key: string, tickMs: number, again: () => void): Promise<boolean> {
    if (await this.turns.take(key, tickMs)) return true;
    again();
    return false;
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
    const value = await this.presenceOf.count(this.io, meetingId);
    this.present.set(meetingId, { value, countedAt: Date.now() });
    return value;
  }
}
