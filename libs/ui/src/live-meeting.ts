import type {
  LiveControlDto,
  LiveStateDto,
  MeetingResultsPayload,
  MeetingSnapshotDto,
  MeetingStatePayload,
  MyAnswerDto,
  MyScoreDto,
  QuestionDto,
  QuestionResultsDto,
  ScoreboardDto,
  SocketAudience,
} from '@podium/contracts';

/**
 * A client's picture of one live meeting: the `meeting.join` snapshot, then the pushes applied
 * under the version rules of docs/meetings.md ("Socket.IO"). Pure: the web and the overlay feed it
 * from their sockets and render what comes out.
 */
export interface MeetingView {
  meetingId: string;
  audience: SocketAudience;
  /** The version of `state`; results and scoreboard are only taken for this version. */
  version: number;
  state: LiveStateDto;
  results: QuestionResultsDto | null;
  /** null for attendees (they get `me` instead). */
  scoreboard: ScoreboardDto | null;
  /** Organizers only: who drives the meeting. */
  control: LiveControlDto | null;
  /** Organizers only: attendees connected right now. */
  present: number;
  /** Organizers only: false for viewers (read-only co-hosts). */
  canControl: boolean;
  /** Attendees only. */
  me: MyScoreDto | null;
  /** Attendees only: their answer to the current question. */
  myAnswer: MyAnswerDto | null;
  /** Attendees only: Q&A entries of the current question they upvoted. */
  myUpvotes: string[];
  /** Server clock minus this client's clock, from the last state's `serverTime` (for timers). */
  serverOffsetMs: number;
}

/** What applying a push gives: the next view (the same object when nothing changed) and whether to re-send `meeting.join`. */
export interface ApplyResult {
  view: MeetingView;
  resync: boolean;
}

export type ScoreboardPayload = { meetingId: string; version: number; scoreboard: ScoreboardDto };

const unchanged = (view: MeetingView): ApplyResult => ({ view, resync: false });

/**
 * Applies one push to the view a store holds (`get`/`set` of a zustand store). Before the first
 * snapshot there is nothing to patch: the snapshot has it. The view is stored only when it changed;
 * returns whether to re-send `meeting.join`.
 */
export function applyPush(
  get: () => { view: MeetingView | null },
  set: (patch: { view: MeetingView }) => void,
  step: (view: MeetingView) => ApplyResult,
): boolean {
  const { view } = get();
  if (!view) return false;
  const result = step(view);
  if (result.view !== view) set({ view: result.view });
  return result.resync;
}

/** Server clock minus client clock; 0 when `serverTime` cannot be read. */
export function serverOffset(serverTime: string, now: number): number {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? server - now : 0;
}

export function fromSnapshot(snapshot: MeetingSnapshotDto, now: number = Date.now()): MeetingView {
  const base: MeetingView = {
    meetingId: snapshot.state.meetingId,
    audience: snapshot.audience,
    version: snapshot.state.version,
    state: snapshot.state,
    results: snapshot.results,
    scoreboard: snapshot.scoreboard,
    // What only organizers or only attendees get; an overlay gets none of it.
    control: null,
    present: 0,
    canControl: false,
    me: null,
    myAnswer: null,
    myUpvotes: [],
    serverOffsetMs: serverOffset(snapshot.state.serverTime, now),
  };
  switch (snapshot.audience) {
    case 'organizer':
      return {
        ...base,
        control: snapshot.control,
        present: snapshot.present,
        canControl: snapshot.canControl,
      };
    case 'attendee':
      return { ...base, me: snapshot.me, myAnswer: snapshot.myAnswer, myUpvotes: snapshot.myUpvotes };
    case 'overlay':
      return base;
  }
}

/**
 * `meeting.state` (or a `meeting.command` ack). The next version applies; a later one applies too
 * (a state is complete) but asks for a resync, since results or scores in between were missed.
 * The same or an older version is ignored. Final results the push carries replace the view's.
 */
export function applyState(
  view: MeetingView,
  payload: MeetingStatePayload,
  now: number = Date.now(),
): ApplyResult {
  if (payload.meetingId !== view.meetingId || payload.version <= view.version) return unchanged(view);
  const { results: carried, ...state } = payload;
  const sameQuestion = state.question?.id === view.state.question?.id;
  const ofQuestion = (results: QuestionResultsDto | null | undefined) =>
    results != null && results.questionId === state.question?.id ? results : null;
  const next: MeetingView = {
    ...view,
    version: state.version,
    state,
    serverOffsetMs: serverOffset(state.serverTime, now),
    // Results of another question would show under the wrong title; the new ones follow.
    results: ofQuestion(carried) ?? ofQuestion(view.results),
    myAnswer: sameQuestion ? view.myAnswer : null,
    myUpvotes: sameQuestion ? view.myUpvotes : [],
  };
  return { view: next, resync: state.version > view.version + 1 };
}

/**
 * `meeting.results`: taken for the current version only. A later version means a state was missed:
 * nothing is applied and the caller resyncs.
 */
export function applyResults(view: MeetingView, payload: MeetingResultsPayload): ApplyResult {
  if (payload.meetingId !== view.meetingId || payload.version < view.version) return unchanged(view);
  if (payload.version > view.version) return { view, resync: true };
  // Results of a question that is not the current one cannot be shown (a stale tick).
  if (payload.results.questionId !== view.state.question?.id) return unchanged(view);
  const present = view.audience === 'organizer' ? payload.present : view.present;
  return { view: { ...view, results: payload.results, present }, resync: false };
}

/** `meeting.scoreboard`: same rule as results. */
export function applyScoreboard(view: MeetingView, payload: ScoreboardPayload): ApplyResult {
  if (payload.meetingId !== view.meetingId || payload.version < view.version) return unchanged(view);
  if (payload.version > view.version) return { view, resync: true };
  // The phone's "rank 3 of N" follows the board: its own score is only pushed when it moves.
  const me = view.me && { ...view.me, attendeeCount: payload.scoreboard.attendeeCount };
  return { view: { ...view, scoreboard: payload.scoreboard, me }, resync: false };
}

/** `meeting.presence` (organizers): attendees connected now; no version, the latest count wins. */
export function applyPresence(
  view: MeetingView,
  payload: { meetingId: string; present: number },
): ApplyResult {
  if (payload.meetingId !== view.meetingId || view.audience !== 'organizer') return unchanged(view);
  return { view: { ...view, present: payload.present }, resync: false };
}

/** `meeting.control` carries no version: the latest push is who holds control now. */
export function applyControl(view: MeetingView, payload: LiveControlDto): ApplyResult {
  if (payload.meetingId !== view.meetingId) return unchanged(view);
  return { view: { ...view, control: payload }, resync: false };
}

/** `attendee.score` carries no version: the latest push is the attendee's score now. */
export function applyScore(view: MeetingView, payload: MyScoreDto): ApplyResult {
  if (view.me !== null && view.me.attendeeId !== payload.attendeeId) return unchanged(view);
  return { view: { ...view, me: payload }, resync: false };
}

/** The `answer.submit` ack: kept only while that question is still the current one. */
export function applyMyAnswer(view: MeetingView, questionId: string, myAnswer: MyAnswerDto): MeetingView {
  if (view.state.question?.id !== questionId) return view;
  return { ...view, myAnswer };
}

/** The `qa.upvote` ack: remembers the entry so the button shows it as done. */
export function applyMyUpvote(view: MeetingView, entryId: string): MeetingView {
  if (view.myUpvotes.includes(entryId)) return view;
  return { ...view, myUpvotes: [...view.myUpvotes, entryId] };
}

/** Whether this dashboard tab (`clientId`) holds control. */
export function isInControl(view: MeetingView, clientId: string): boolean {
  return view.control !== null && view.control.controllerClientId === clientId;
}

export function currentQuestion(view: MeetingView): QuestionDto | null {
  return view.state.question;
}

/** Whole seconds until `closesAt` by the server's clock; null without a deadline, 0 once past it. */
export function secondsUntil(closesAt: string | null, now: number, serverOffsetMs: number): number | null {
  if (closesAt === null) return null;
  const deadline = Date.parse(closesAt);
  if (!Number.isFinite(deadline)) return null;
  return Math.max(0, Math.ceil((deadline - (now + serverOffsetMs)) / 1000));
}

/**
 * Whole seconds left on the open question's timer, by the server's clock (`serverOffsetMs` = server
 * minus client). null when no timer runs; 0 once it has run out.
 */
export function secondsLeft(state: LiveStateDto, now: number, serverOffsetMs: number): number | null {
  return state.phase === 'question_open' ? secondsUntil(state.closesAt, now, serverOffsetMs) : null;
}
