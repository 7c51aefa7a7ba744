import type {
  ApiErrorDto,
  LiveControlDto,
  LiveStateDto,
  MeetingCommand,
  MeetingResultsPayload,
  MeetingSnapshotDto,
} from '@podium/contracts';
import {
  type ApplyResult,
  applyPush,
  applyControl,
  applyPresence,
  applyResults,
  applyScoreboard,
  applyState,
  fromSnapshot,
  isInControl,
  type MeetingView,
  type ScoreboardPayload,
} from '@podium/ui';
import { createStore, useStore } from 'zustand';

/** What is being sent and not acknowledged yet: one at a time, so a double click sends once. */
export type LiveRequest = MeetingCommand | 'takeControl';

export interface LiveStoreState {
  meetingId: string | null;
  /** This tab's control id; null for read-only screens (the room screen never takes control). */
  clientId: string | null;
  /** null until the first snapshot of this meeting. */
  view: MeetingView | null;
  /** The last `meeting.join` failure, until a snapshot arrives. */
  joinError: ApiErrorDto | null;
  pending: LiveRequest | null;
  /** The last refused command or take-over, until the next one is sent. */
  requestError: ApiErrorDto | null;
  /** Set when another tab took control from this one; shown until dismissed or taken back. */
  controlLostTo: { name: string | null } | null;

  open: (meetingId: string, clientId: string | null) => void;
  snapshot: (snapshot: MeetingSnapshotDto) => void;
  joinFailed: (error: ApiErrorDto) => void;
  /** Each push returns whether the page must re-send `meeting.join` (a version gap). */
  state: (payload: LiveStateDto) => boolean;
  results: (payload: MeetingResultsPayload) => boolean;
  scoreboard: (payload: ScoreboardPayload) => boolean;
  presence: (payload: { meetingId: string; present: number }) => boolean;
  control: (payload: LiveControlDto) => void;
  /** Marks a request as sent; false (and nothing changes) while another one is in flight. */
  begin: (request: LiveRequest) => boolean;
  finish: (error: ApiErrorDto | null) => void;
  dismissControlNotice: () => void;
}

const initial = {
  meetingId: null,
  clientId: null,
  view: null,
  joinError: null,
  pending: null,
  requestError: null,
  controlLostTo: null,
};

/** The live picture of one meeting for the dashboard and the room screen. */
export function createLiveStore() {
  return createStore<LiveStoreState>()((set, get) => {
    const apply = (step: (view: MeetingView) => ApplyResult): boolean => applyPush(get, set, step);

    /** A control change that moves it away from this tab is worth telling (someone took over). */
    const noticeFor = (
      before: MeetingView,
      after: MeetingView,
    ): Pick<LiveStoreState, 'controlLostTo'> | null => {
      const { clientId } = get();
      if (clientId === null) return null;
      if (isInControl(after, clientId)) return { controlLostTo: null };
      if (isInControl(before, clientId))
        return { controlLostTo: { name: after.control?.controllerName ?? null } };
      return null;
    };

    return {
      ...initial,
      open: (meetingId, clientId) => {
        if (get().meetingId === meetingId && get().clientId === clientId) return;
        set({ ...initial, meetingId, clientId });
      },
      snapshot: (snapshot) => {
        if (snapshot.state.meetingId !== get().meetingId) return;
        const before = get().view;
        const view = fromSnapshot(snapshot);
        set({ view, joinError: null, ...(before ? noticeFor(before, view) : null) });
      },
      joinFailed: (error) => set({ joinError: error }),
      state: (payload) => apply((view) => applyState(view, payload)),
      results: (payload) => apply((view) => applyResults(view, payload)),
      scoreboard: (payload) => apply((view) => applyScoreboard(view, payload)),
      presence: (payload) => apply((view) => applyPresence(view, payload)),
      control: (payload) => {
        const before = get().view;
        if (!before) return;
        const { view } = applyControl(before, payload);
        if (view !== before) set({ view, ...noticeFor(before, view) });
      },
      begin: (request) => {
        if (get().pending !== null || get().view === null) return false;
        set({ pending: request, requestError: null });
        return true;
      },
      finish: (error) => set({ pending: null, requestError: error }),
      dismissControlNotice: () => set({ controlLostTo: null }),
    };
  });
}

export type LiveStore = ReturnType<typeof createLiveStore>;

/** One live meeting per tab: the dashboard and the room screen are separate tabs. */
export const liveStore = createLiveStore();

export function useLive<T>(selector: (state: LiveStoreState) => T): T {
  return useStore(liveStore, selector);
}
