import { Injectable } from '@nestjs/common';
import type { PodiumServer } from '../../realtime/socket-data';

/**
 * Attendees connected to a meeting now, across replicas. Each process keeps its own attendee
 * sockets per meeting as they join and leave, so a count reads a map instead of fetching every
 * socket of the room (20,000 of them, serialized through Redis from each replica, once a second).
 * An attendee with two tabs open counts once, on one replica or several: replicas answer with ids.
 */
@Injectable()
export class Presence {
  /** Per socket: the meeting and attendee it counts for. */
  private readonly sockets = new Map<string, { meetingId: string; attendeeId: string }>();
  /** Per meeting, per attendee: how many of its sockets are here. */
  private readonly meetings = new Map<string, Map<string, number>>();

  /** The socket is in the meeting's attendee room (joining twice counts once). */
  enter(socketId: string, meetingId: string, attendeeId: string): void {
    if (this.sockets.has(socketId)) this.leave(socketId);
    this.sockets.set(socketId, { meetingId, attendeeId });
    const attendees = this.meetings.get(meetingId) ?? new Map<string, number>();
    attendees.set(attendeeId, (attendees.get(attendeeId) ?? 0) + 1);
    this.meetings.set(meetingId, attendees);
  }

  /** The socket left its meeting or disconnected; nothing happens for one that was not in. */
  leave(socketId: string): void {
    const entry = this.sockets.get(socketId);
    if (!entry) return;
    this.sockets.delete(socketId);
    const attendees = this.meetings.get(entry.meetingId);
    const left = (attendees?.get(entry.attendeeId) ?? 1) - 1;
    if (left > 0) attendees?.set(entry.attendeeId, left);
    else attendees?.delete(entry.attendeeId);
    if (attendees?.size === 0) this.meetings.delete(entry.meetingId);
  }

  /** Distinct attendees of the meeting on every replica. */
  async count(io: PodiumServer, meetingId: string): Promise<number> {
    const here = this.meetings.get(meetingId);
    if ((await io.of('/').adapter.serverCount()) <= 1) return here?.size ?? 0;
    const elsewhere = await io.serverSideEmitWithAck('meeting.presentAttendees', meetingId);
    const attendees = new Set(here?.keys());
    for (const ids of elsewhere) for (const id of ids) attendees.add(id);
    return attendees.size;
  }

  /** Answers other replicas' questions (once the socket server exists). */
  answerOthers(io: PodiumServer): void {
    io.on('meeting.presentAttendees', (meetingId, reply) =>
      reply([...(this.meetings.get(meetingId)?.keys() ?? [])]),
    );
  }
}
