import type { MeetingCommand, QaModerate } from '@podium/contracts';
import { useEffect, useMemo, useRef } from 'react';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { dashboardClientId } from '../model/client-id';
import { liveStore } from '../model/live.store';
import { OFFLINE_ERROR } from '@/shared/socket/socket-ack';
import { connectLive, type LiveConnection } from './live-connection';

export interface LiveActions {
  command: (command: MeetingCommand) => void;
  takeControl: () => void;
  /** Resolves with the refusal message, or null when it went through. */
  moderate: (patch: QaModerate) => Promise<string | null>;
}

/**
 * Follows a meeting live for this page: `control` is the organizer dashboard (it has a tab id, so
 * it may drive the meeting), `screen` the read-only room screen. The picture is in `liveStore`.
 */
export function useLiveMeeting(meetingId: string, mode: 'control' | 'screen'): LiveActions {
  const connection = useRef<LiveConnection | null>(null);

  // Runs before the socket effect below (declaration order), with or without a socket.
  useEffect(() => {
    liveStore.getState().open(meetingId, mode === 'control' ? dashboardClientId() : null);
  }, [meetingId, mode]);
  // `mode` too: `open` above resets the store's clientId, which the join must then send (the
  // linter, which cannot see that, takes `mode` for a needless dependency).
  useOrganizerSocket(
    (socket) => {
      // `meeting.changed` also refetches the REST meeting (title, code): shared/socket does that.
      const live = connectLive(socket, liveStore, meetingId);
      connection.current = live;
      return () => {
        live.stop();
        connection.current = null;
      };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see `mode` above
    [meetingId, mode],
  );

  return useMemo(
    () => ({
      command: (command) => void connection.current?.command(command),
      takeControl: () => void connection.current?.takeControl(),
      moderate: async (patch) => {
        const ack = await (connection.current?.moderate(patch) ??
          Promise.resolve({ ok: false as const, error: OFFLINE_ERROR }));
        return ack.ok ? null : ack.error.message;
      },
    }),
    [],
  );
}
