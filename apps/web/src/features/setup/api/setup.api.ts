import type { MeDto, SetupRequest, SetupStatus } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

export const setupStatusQueryOptions = queryOptions({
  queryKey: queryKeys.setupStatus,
  queryFn: ({ signal }) => http.get<SetupStatus>('/setup', signal),
  staleTime: 5 * 60_000,
});

export function useSetupStatus() {
  return useQuery(setupStatusQueryOptions);
}

/** Creates the owner account and first workspace, and signs the owner in. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SetupRequest) => http.post<MeDto>('/setup', request),
    onSuccess: (me) => {
      queryClient.setQueryData<SetupStatus>(queryKeys.setupStatus, { needsSetup: false });
      queryClient.setQueryData<MeDto | null>(queryKeys.me, me);
    },
  });
}
