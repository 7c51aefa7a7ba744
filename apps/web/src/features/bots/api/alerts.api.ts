import type {
  AlertDto,
  EventAlertKind,
  EventAlertSettingsDto,
  TestAlertRequest,
  UpdateEventAlertSettingsRequest,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';

const alertsPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/bots/alerts`;

export const eventAlertQueryKey = (workspaceId: string, kind: EventAlertKind) =>
  ['workspaces', workspaceId, 'bots', 'alerts', kind] as const;

export const eventAlertQueryOptions = (workspaceId: string, kind: EventAlertKind) =>
  queryOptions({
    queryKey: eventAlertQueryKey(workspaceId, kind),
    queryFn: ({ signal }) =>
      http.get<EventAlertSettingsDto>(`${alertsPath(workspaceId)}/${segment(kind)}`, signal),
  });

/** One event kind's settings (the defaults until the workspace saves its own). */
export function useEventAlert(workspaceId: string, kind: EventAlertKind) {
  return useQuery(eventAlertQueryOptions(workspaceId, kind));
}

export function useSaveEventAlert(workspaceId: string, kind: EventAlertKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateEventAlertSettingsRequest) =>
      http.put<EventAlertSettingsDto>(`${alertsPath(workspaceId)}/${segment(kind)}`, request),
    onSuccess: (saved) => queryClient.setQueryData(eventAlertQueryKey(workspaceId, kind), saved),
  });
}

/** Plays an alert on the workspace's alerts overlays now (after whatever is queued). */
export function useSendTestAlert(workspaceId: string) {
  return useMutation({
    mutationFn: (request: TestAlertRequest) =>
      http.post<AlertDto>(`${alertsPath(workspaceId)}/test`, request),
  });
}
