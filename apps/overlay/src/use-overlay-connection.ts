import { useEffect, useReducer, useState } from 'react';
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

/**
 * The live connection for one token, or none when `token` is null; with a `meetingId` (an id or
 * `live`) it also follows that meeting: snapshot on every (re)connection, pushes, resyncs.
 */
export function useOverlayConnection(token: string | null, meetingId: string | null = null): OverlayLive {
  const [connection, dispatch] = useReducer(reduceConnection, initialConnection);
  const [meeting, setMeeting] = useState<OverlayMeeting>(initialMeeting);
  const [channel, setChannel] = useState<OverlayChannel | null>(null);

  useEffect(() => {
    if (!token) return undefined;
    // The socket needs the result of each push at once (resync or not), so the reducer runs here
    // and React only gets the outcome to draw.
    let current = initialMeeting;
    const follow =
      meetingId === null
        ? null
        : {
            meetingId,
            report: (event: Parameters<typeof reduceMeeting>[1]) => {
              const { meeting: next, resync } = reduceMeeting(current, event);
              if (next !== current) {
                current = next;
                setMeeting(next);
              }
              return resync;
            },
            rejoinDelay: () => rejoinDelayMs(meetingId, current),
          };
    const link = connectOverlay(token, dispatch, follow);
    setChannel(link.channel);
    return () => {
      link.stop();
      setChannel(null);
      setMeeting(initialMeeting);
    };
  }, [token, meetingId]);

  return { connection, meeting, channel };
}
