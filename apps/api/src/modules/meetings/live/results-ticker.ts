import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { LiveStateDto, MeetingStatePayload } from '@podium/contracts';
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
 *
 * Attendees' and overlays' `meeting.state` goes out from here too, so that the final results of a
 * transition can ride with it (see `pushPublicState`).
 */
@Injectable()
export class ResultsTicker implements OnModuleDestroy {
  private readonly logger = new Logger(ResultsTicker.name);
  private readonly present = new Map<string, PresentCount>();
  /** Numbers results reads in the order they start, per process. */
  private reads = 0;
  /** Per meeting: the read behind the last public push; an older read finishing later is dropped. */
  private readonly publicRead = new Map<string, number>();
  /** Per meeting: the last public results pushed (version and content), not to push them twice. */
  private readonly publicSent = new Map<string, string>();
  /** Per meeting: the public state push under way; pushes of a meeting go out in order. */
  private readonly statePushes = new Map<string, Promise<void>>();
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
    this.publicSent.delete(meetingId);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.results.stop(), this.publicResults.stop(), this.presence.stop()]);
    await Promise.allSettled([...this.statePushes.values()]);
  }

  /**
   * A transition's state for attendees and overlays. When it shows final results they may see, the
   * results go in the same push: a push to a room of 20,000 phones takes the server 0.3-0.7 s on
   * the bench machine, and a close used to make two (the state, then the results). The results
   * flush that follows the transition then finds them sent. A state that shows no results goes out
   * without a read.
   */
  pushPublicState(state: LiveStateDto): void {
    const { meetingId } = state;
    const previous = this.statePushes.get(meetingId) ?? Promise.resolve();
    const push: Promise<void> = previous
      .then(() => this.sendPublicState(state))
      .catch((error: unknown) => this.logger.error({ err: error, meetingId }, 'public state push failed'))
      .finally(() => {
        if (this.statePushes.get(meetingId) === push) this.statePushes.delete(meetingId);
      });
    this.statePushes.set(meetingId, push);
  }

  /**
   * Resolves once the meeting's public state pushes begun so far are out. Anything else pushed to
   * attendees and overlays with a version waits for it: a phone that gets version N's results or
   * board before version N's state takes it for a missed state and asks for a whole snapshot.
   */
  statePushed(meetingId: string): Promise<void> {
    return this.statePushes.get(meetingId) ?? Promise.resolve();
  }

  private async sendPublicState(state: LiveStateDto): Promise<void> {
    const payload: MeetingStatePayload = { ...state };
    if (state.phase !== 'question_open' && state.question !== null) {
      const read = (this.reads += 1);
      // Without its results the state still goes out: the results flush pushes them after it.
      const current = await this.live.current(state.meetingId).catch((error: unknown) => {
        this.logger.warn({ err: error, meetingId: state.meetingId }, 'final results not read with the state');
        return null;
      });
      if (current?.version === state.version && this.takePublic(current, read)) {
        payload.results = current.public ?? undefined;
      }
    }
    this.io.to(publicRooms(state.meetingId)).emit('meeting.state', payload);
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
    // After the state that shows them, which may have carried them already.
    if (current.phase !== 'question_open') {
      await this.statePushed(meetingId);
      this.pushPublic(current, read);
    }
    // Nothing changes after the end: what is remembered of the meeting can go.
    if (current.phase === 'after') {
      this.present.delete(meetingId);
      this.publicRead.delete(meetingId);
      this.publicSent.delete(meetingId);
    }
  }

  private async flushPublicResults(meetingId: string): Promise<void> {
    const key = `public-results:${meetingId}`;
    if (!(await this.myTurn(key, PUBLIC_RESULTS_TICK_MS, () => this.publicResults.mark(meetingId)))) return;
    const read = (this.reads += 1);
    const current = await this.live.current(meetingId);
    if (current?.phase !== 'question_open') return;
    await this.statePushed(meetingId);
    this.pushPublic(current, read);
  }

  private pushPublic(current: CurrentResults, read: number): void {
    const { meetingId, version, public: results } = current;
    if (!results || !this.takePublic(current, read)) return;
    // One emit to both rooms: the payload is encoded once, whatever the number of sockets.
    this.io.to(publicRooms(meetingId)).emit('meeting.results', { meetingId, version, results, present: 0 });
  }

  /**
   * Whether these public results are to be pushed, and if so records them as pushed. Not when an
   * older read than the last push's (two reads side by side: the final results must not be followed
   * by older ones), nor when the same results of the same version went out already.
   */
  private takePublic({ meetingId, version, public: results }: CurrentResults, read: number): boolean {
    if (!results || read < (this.publicRead.get(meetingId) ?? 0)) return false;
    const sent = `${version}:${JSON.stringify(results)}`;
    if (this.publicSent.get(meetingId) === sent) return false;
    this.publicRead.set(meetingId, read);
    this.publicSent.set(meetingId, sent);
    return true;
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

function publicRooms(meetingId: string): string[] {
  return [rooms.meetingAttendees(meetingId), rooms.meetingOverlays(meetingId)];
}
