import { rooms } from '../../realtime/rooms';
import type { PodiumServer } from '../../realtime/socket-data';

/**
 * Attendees connected to a meeting now, across replicas (the Redis adapter asks them all). An
 * attendee with two tabs open counts once.
 */
export async function countPresent(io: PodiumServer, meetingId: string): Promise<number> {
  const sockets = await io.in(rooms.meetingAttendees(meetingId)).fetchSockets();
  const attendees = new Set<string>();
  for (const socket of sockets) {
    if (socket.data.audience === 'attendee') attendees.add(socket.data.attendeeId);
  }
  return attendees.size;
}
