import type { MeetingDto } from '@podium/contracts';
import { useQuery } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

/**
 * The meeting as the editor sees it, for what the live snapshot does not carry (title, join code).
 * Same cache entry as the meetings feature, so either page's fetch serves both.
 */
export function useMeetingInfo(workspaceId: string, meetingId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.meeting(meetingId),
    queryFn: ({ signal }) =>
      http.get<MeetingDto>(`/workspaces/${segment(workspaceId)}/meetings/${segment(meetingId)}`, signal),
  });
}

/** Where attendees join: the code page (`/join`) and the QR code's target (`/join/<code>`). */
export function joinUrls(origin: string, joinCode: string): { joinUrl: string; qrUrl: string } {
  const joinUrl = `${origin.replace(/\/$/, '')}/join`;
  return { joinUrl, qrUrl: `${joinUrl}/${encodeURIComponent(joinCode)}` };
}
