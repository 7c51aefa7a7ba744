import type { JoinedMeetingDto, JoinMeetingRequest, JoinPreviewDto } from '@podium/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { isApiError } from '@/shared/api/api-error';
import { http, segment } from '@/shared/api/http-client';

export const joinPreviewKey = (code: string) => ['join-preview', code] as const;

/** `GET /api/join/:code` (public): the meeting's title before asking for a nickname. */
export function useJoinPreview(code: string | null) {
  return useQuery({
    queryKey: joinPreviewKey(code ?? ''),
    queryFn: ({ signal }) => http.get<JoinPreviewDto>(`/join/${segment(code ?? '')}`, signal),
    enabled: code !== null,
    // A 404 will not heal by asking again; a network blip is retried once.
    retry: (failures, error) => failures < 1 && !(isApiError(error) && error.statusCode === 404),
    staleTime: 30_000,
  });
}

/** `POST /api/join` (public): a nickname in, a signed attendee token out. */
export function useJoinMeeting() {
  return useMutation({
    mutationFn: (request: JoinMeetingRequest) => http.post<JoinedMeetingDto>('/join', request),
  });
}
