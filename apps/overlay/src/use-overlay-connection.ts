import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { initialConnection, type OverlayConnection, reduceConnection } from './connection-state';
import { initialMeeting, type OverlayMeeting, reduceMeeting, rejoinDelayMs } from './meeting-feed';
import type { OverlayChannel } from './overlay-channel';
import { connectOverlay } from './overlay-socket';

export interface OverlayLive {
  connection: OverlayConnection;
  meeting: OverlayMeeting;
  /** The page's socket for views with their own feeds; null until it is opened (and without a token). */
  channel: OverlayChannel | null;
}

const IDLE: OverlayLive = { connection: initialConnection, meeting: initialMeeting, channel: null };

/**
 * One token's live state (and the meeting it follows), kept outside React: the socket needs the
 * result of each push at once (resync or not), so the reducers run here and React reads the
 * outcome through useSyncExternalStore. `start` opens the socket and returns what closes it.
 */
export function createOverlayLive(token: string | null, meetingId: string | null) {
  let state = IDLE;
  const listeners = new Set<() => void>();
  const set = (next: OverlayLive) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    read: (): OverlayLive => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start: (): (() => void) => {
      if (!token) return () => undefined;
      const follow =
        meetingId === null
          ? null
          : {
              meetingId,
              report: (event: Parameters<typeof reduceMeeting>[1]) => {
                const { meeting, resync } = reduceMeeting(state.meeting, event);
                if (meeting !== state.meeting) set({ ...state, meeting });
                return resync;
              },
              rejoinDelay: () => rejoinDelayMs(meetingId, state.meeting),
            };
      const link = connectOverlay(
        token,
        (event) => {
          const connection = reduceConnection(state.connection, event);
          if (connection !== state.connection) set({ ...state, connection });
        },
        follow,
      );
      set({ ...state, channel: link.channel });
      return () => {
        link.stop();
        set(IDLE);
      };
    },
  };
}

/**
 * The live connection for one token, or none when `token` is null; with a `meetingId` (an id or
 * `live`) it also follows that meeting: snapshot on every (re)connection, pushes, resyncs.
 */
export function useOverlayConnection(token: string | null, meetingId: string | null = null): OverlayLive {
  const live = useMemo(() => createOverlayLive(token, meetingId), [token, meetingId]);
  useEffect(() => live.start(), [live]);
  return useSyncExternalStore(live.subscribe, live.read);
}
