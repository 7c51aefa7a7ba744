import type {
  ApiErrorDto,
  MeetingResultsPayload,
  MeetingSnapshotDto,
  MeetingStatePayload,
  MyAnswerDto,
  MyScoreDto,
  ServerToClientEvents,
} from '@podium/contracts';
import {
  type ApplyResult,
  applyPush,
  applyMyAnswer,
  applyMyUpvote,
  applyResults,
  applyScore,
  applyScoreboard,
  applyState,
  fromSnapshot,
  type MeetingView,
} from '@podium/ui';
import { createStore, useStore } from 'zustand';
import type { AttendeeConnection } from '../socket/attendee-socket';

export type AttendeeLink = 'connecting' | 'online' | 'offline';
type ScoreboardPayload = Parameters<ServerToClientEvents['meeting.scoreboard']>[0];

export interface AttendeeStoreState {
  link: AttendeeLink;
  /** The server refused the stored token: the page goes back to the join form. */
  refused: boolean;
  /** The last `meeting.join` failure, until a snapshot arrives. */
  joinError: ApiErrorDto | null;
  /** null until the first snapshot. */
  view: MeetingView | null;
  /** The open socket's requests (answer, ask, upvote…); null while none is open. */
  connection: AttendeeConnection | null;

  setLink: (link: AttendeeLink) => void;
  connected: (connection: AttendeeConnection | null) => void;
  refuse: () => void;
  joinFailed: (error: ApiErrorDto) => void;
  snapshot: (snapshot: MeetingSnapshotDto) => void;
  /** Each push returns whether the page must re-send `meeting.join` (a version gap). */
  state: (payload: MeetingStatePayload) => boolean;
  results: (payload: MeetingResultsPayload) => boolean;
  scoreboard: (payload: ScoreboardPayload) => boolean;
  score: (payload: MyScoreDto) => void;
  myAnswer: (questionId: string, answer: MyAnswerDto) => void;
  myUpvote: (entryId: string) => void;
  reset: () => void;
}

const initial = {
  link: 'connecting' as AttendeeLink,
  refused: false,
  joinError: null,
  view: null,
  connection: null,
};

/** The attendee page's live picture, fed by the socket through the libs/ui live-meeting rules. */
export function createAttendeeStore() {
  return createStore<AttendeeStoreState>()((set, get) => {
    const apply = (step: (view: MeetingView) => ApplyResult): boolean => applyPush(get, set, step);
    return {
      ...initial,
      setLink: (link) => set({ link }),
      connected: (connection) => set({ connection }),
      refuse: () => set({ refused: true }),
      joinFailed: (error) => set({ joinError: error }),
      snapshot: (snapshot) => set({ view: fromSnapshot(snapshot), joinError: null }),
      state: (payload) => apply((view) => applyState(view, payload)),
      results: (payload) => apply((view) => applyResults(view, payload)),
      scoreboard: (payload) => apply((view) => applyScoreboard(view, payload)),
      score: (payload) => void apply((view) => applyScore(view, payload)),
      myAnswer: (questionId, answer) =>
        void apply((view) => ({ view: applyMyAnswer(view, questionId, answer), resync: false })),
      myUpvote: (entryId) => void apply((view) => ({ view: applyMyUpvote(view, entryId), resync: false })),
      reset: () => set({ ...initial }),
    };
  });
}

export type AttendeeStore = ReturnType<typeof createAttendeeStore>;

/** The one attendee page store (one meeting open per tab); reset when the page opens a meeting. */
export const attendeeStore = createAttendeeStore();

export function useAttendee<T>(selector: (state: AttendeeStoreState) => T): T {
  return useStore(attendeeStore, selector);
}
