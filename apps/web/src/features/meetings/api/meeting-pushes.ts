import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';

/**
 * Subscribes this tab to a meeting's pushes while its editor is open, so an edit made elsewhere
 * (`meeting.changed`, which the socket module turns into a refetch) shows up here. The join sends no
 * `clientId`, so it never takes control of a live meeting; it is repeated after every reconnect,
 * since a new connection starts in no room.
 *
 * No `meeting.leave` on the way out: the next page is often this meeting's live dashboard, whose
 * join (with its `clientId`) would race a leave and could lose the control it just took. Staying in
 * the room costs a few ignored pushes until that page leaves or the connection closes.
 */
export function useMeetingPushes(meetingId: string): void {
  // Held here too: this effect runs before the dashboard's, which would create the socket later.
  useOrganizerSocket(
    (socket) => {
      const join = () => {
        socket.emit('meeting.join', { meetingId }, () => {
          // The snapshot is for the live dashboard; the editor reads the meeting over HTTP.
        });
      };
      if (socket.connected) join();
      socket.on('session.ready', join);
      return () => socket.off('session.ready', join);
    },
    [meetingId],
  );
}
