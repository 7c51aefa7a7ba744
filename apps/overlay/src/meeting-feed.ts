import type {
  ApiErrorDto,
  MeetingResultsPayload,
  MeetingSnapshotDto,
  MeetingStatePayload,
  ServerToClientEvents,
} from '@podium/contracts';
import { applyResults, applyScoreboard, applyState, fromSnapshot, type MeetingView } from '@podium/ui';

type ScoreboardPayload = Parameters<ServerToClientEvents['meeting.scoreboard']>[0];

/** The meeting an overlay shows: the snapshot from `meeting.join` with the pushes applied. */
export interface OverlayMeeting {
  view: MeetingView | null;
  /** Why there is nothing to show (`meeting.not_live`: no meeting is running), until a snapshot. */
  error: ApiErrorDto | null;
}

export type MeetingFeedEvent =
  | { type: 'snapshot'; snapshot: MeetingSnapshotDto; now: number }
  | { type: 'joinFailed'; error: ApiErrorDto }
  | { type: 'state'; payload: MeetingStatePayload; now: number }
  | { type: 'results'; payload: MeetingResultsPayload }
  | { type: 'scoreboard'; payload: ScoreboardPayload };

export const initialMeeting: OverlayMeeting = { view: null, error: null };

/**
 * Applies one event under the version rules (libs/ui live-meeting). Returns whether the overlay
 * must re-send `meeting.join` (a version gap), so the socket can ask for a fresh snapshot.
 */
export function reduceMeeting(
  meeting: OverlayMeeting,
  event: MeetingFeedEvent,
): { meeting: OverlayMeeting; resync: boolean } {
  switch (event.type) {
    case 'snapshot':
      return { meeting: { view: fromSnapshot(event.snapshot, event.now), error: null }, resync: false };
    case 'joinFailed': {
      // A meeting that is gone must leave the stream rather than freeze on it; an ended one stays
      // (its final scoreboard) until the next one starts, and a network blip changes nothing.
      const keep = event.error.statusCode === 0 || meeting.view?.state.phase === 'after';
      return { meeting: { view: keep ? meeting.view : null, error: event.error }, resync: false };
    }
    case 'state':
    case 'results':
    case 'scoreboard': {
      if (!meeting.view) return { meeting, resync: false };
      const applied =
        event.type === 'state'
          ? applyState(meeting.view, event.payload, event.now)
          : event.type === 'results'
            ? applyResults(meeting.view, event.payload)
            : applyScoreboard(meeting.view, event.payload);
      return {
        meeting: applied.view === meeting.view ? meeting : { ...meeting, view: applied.view },
        resync: applied.resync,
      };
    }
  }
}

/** How long to wait before asking again for a meeting that is not there (or not live yet). */
export function rejoinDelayMs(meetingId: string, meeting: OverlayMeeting): number | null {
  if (meeting.error) return meeting.error.statusCode === 0 ? 3_000 : 10_000;
  // Following `live`: once this one has ended, look for the next one to start.
  if (meetingId === 'live' && meeting.view?.state.phase === 'after') return 30_000;
  return null;
}
