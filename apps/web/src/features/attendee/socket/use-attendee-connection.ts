import { useEffect } from 'react';
import { browserStorage, forgetAttendee, type StoredAttendee } from '../model/attendee-session';
import { attendeeStore, useAttendee } from '../model/attendee.store';
import { inroomChatStore } from '../model/inroom-chat.store';
import { type AttendeeConnection, connectAttendee } from './attendee-socket';

/**
 * Opens the attendee's socket for their stored token and feeds the page store, which also holds
 * the connection for the page's requests; resyncs on version gaps. A refused token is forgotten so
 * the page can offer the join form again.
 */
export function useAttendeeConnection(attendee: StoredAttendee | null): AttendeeConnection | null {
  const token = attendee?.token ?? null;
  const meetingId = attendee?.meetingId ?? null;

  useEffect(() => {
    if (!token || !meetingId) return undefined;
    const store = attendeeStore.getState();
    store.reset();
    // Expanded from the start on wide screens; on phones the meeting comes first.
    inroomChatStore.getState().reset(meetingId, window.matchMedia?.('(min-width: 48rem)').matches ?? true);
    const link = connectAttendee(token, meetingId, {
      status: (status) => attendeeStore.getState().setLink(status),
      refused: () => {
        forgetAttendee(browserStorage(), meetingId);
        attendeeStore.getState().refuse();
      },
      snapshot: (snapshot) => {
        attendeeStore.getState().snapshot(snapshot);
        // After each join (a reconnect too): the chat said while away; merged, so nothing repeats.
        void link.inroomHistory().then((ack) => {
          if (ack.ok) inroomChatStore.getState().history(ack.data);
        });
      },
      joinFailed: (error) => attendeeStore.getState().joinFailed(error),
      state: (payload) => {
        if (attendeeStore.getState().state(payload)) link.resync();
      },
      results: (payload) => {
        if (attendeeStore.getState().results(payload)) link.resync();
      },
      scoreboard: (payload) => {
        if (attendeeStore.getState().scoreboard(payload)) link.resync();
      },
      score: (payload) => attendeeStore.getState().score(payload),
      inroomMessage: (payload) => inroomChatStore.getState().received(payload),
      inroomHidden: (messageId) => inroomChatStore.getState().hide(meetingId, messageId),
    });
    attendeeStore.getState().connected(link);
    return () => {
      link.stop();
      attendeeStore.getState().connected(null);
    };
  }, [token, meetingId]);

  return useAttendee((state) => state.connection);
}
