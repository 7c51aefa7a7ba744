import type {
  RehearsalBurstRequest,
  RehearsalEventRequest,
  RehearsalInjectionDto,
  RehearsalStatusDto,
} from '@podium/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

const rehearsalPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/rehearsal`;

/** The rehearsal connection (the server creates it on first use) and its live flag. */
export function useRehearsalStatus(workspaceId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.rehearsal(workspaceId),
    queryFn: async ({ signal }) => {
      const status = await http.get<RehearsalStatusDto>(rehearsalPath(workspaceId), signal);
      // A connection may just have been created: the chat log's connection list should see it.
      await queryClient.invalidateQueries({ queryKey: queryKeys.connections(workspaceId) });
      return status;
    },
  });
}

function useInjection<T>(workspaceId: string, path: 'events' | 'burst') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: T) =>
      http.post<RehearsalInjectionDto>(`${rehearsalPath(workspaceId)}/${path}`, request),
    onSuccess: ({ status }) => queryClient.setQueryData(queryKeys.rehearsal(workspaceId), status),
  });
}

/** One fake viewer's message or event, or the simulated stream going online/offline. */
export function useInjectRehearsalEvent(workspaceId: string) {
  return useInjection<RehearsalEventRequest>(workspaceId, 'events');
}

/** The same line from many distinct fake viewers. */
export function useRehearsalBurst(workspaceId: string) {
  return useInjection<RehearsalBurstRequest>(workspaceId, 'burst');
}
