import type {
  CreateMeetingRequest,
  MeetingDto,
  MeetingSummaryDto,
  UpdateMeetingRequest,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import { meetingApiPath, meetingsApiPath } from '../model/meeting-paths';

export const meetingsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: queryKeys.meetings(workspaceId),
    queryFn: ({ signal }) => http.get<MeetingSummaryDto[]>(meetingsApiPath(workspaceId), signal),
  });

export function useMeetings(workspaceId: string) {
  return useQuery(meetingsQueryOptions(workspaceId));
}

export const meetingQueryOptions = (workspaceId: string, meetingId: string) =>
  queryOptions({
    queryKey: queryKeys.meeting(meetingId),
    queryFn: ({ signal }) => http.get<MeetingDto>(meetingApiPath(workspaceId, meetingId), signal),
  });

export function useMeeting(workspaceId: string, meetingId: string) {
  return useQuery(meetingQueryOptions(workspaceId, meetingId));
}

/** After any change to a meeting: its page and the list (title, counts, code) are stale. */
function useInvalidateMeeting(workspaceId: string) {
  const queryClient = useQueryClient();
  return (meetingId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meetingId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.meetings(workspaceId), exact: true }),
    ]);
}

export function useCreateMeeting(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateMeetingRequest) =>
      http.post<MeetingDto>(meetingsApiPath(workspaceId), request),
    onSuccess: (meeting) => {
      queryClient.setQueryData(queryKeys.meeting(meeting.id), meeting);
      return queryClient.invalidateQueries({ queryKey: queryKeys.meetings(workspaceId), exact: true });
    },
  });
}

export function useUpdateMeeting(workspaceId: string, meetingId: string) {
  const invalidate = useInvalidateMeeting(workspaceId);
  return useMutation({
    mutationFn: (request: UpdateMeetingRequest) =>
      http.patch<MeetingDto>(meetingApiPath(workspaceId, meetingId), request),
    onSuccess: () => invalidate(meetingId),
  });
}

export function useDeleteMeeting(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (meetingId: string) => http.delete(meetingApiPath(workspaceId, meetingId)),
    onSuccess: (_nothing, meetingId) => {
      queryClient.setQueryData<MeetingSummaryDto[]>(queryKeys.meetings(workspaceId), (meetings) =>
        meetings?.filter((meeting) => meeting.id !== meetingId),
      );
      queryClient.removeQueries({ queryKey: queryKeys.meeting(meetingId) });
    },
  });
}

/** The POST actions on one meeting that answer with nothing we need beyond a refetch. */
export type MeetingAction = 'duplicate' | 'join-code' | 'reset';

export function useMeetingAction(workspaceId: string, action: MeetingAction) {
  const invalidate = useInvalidateMeeting(workspaceId);
  return useMutation({
    mutationFn: (meetingId: string) =>
      http.post<unknown>(`${meetingApiPath(workspaceId, meetingId)}/${action}`),
    onSuccess: (_result, meetingId) => invalidate(meetingId),
  });
}
