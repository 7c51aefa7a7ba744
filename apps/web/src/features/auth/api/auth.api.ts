import type { LoginRequest, MeDto } from '@podium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import { closeLiveConnection } from '@/shared/socket/socket.client';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoginRequest) => http.post<MeDto>('/auth/login', request),
    onSuccess: (me) => {
      queryClient.setQueryData<MeDto | null>(queryKeys.me, me);
    },
  });
}

/** Ends the session, closes the live connection and forgets every cached answer. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<void>('/auth/logout'),
    onSettled: () => {
      closeLiveConnection();
      queryClient.clear();
      queryClient.setQueryData<MeDto | null>(queryKeys.me, null);
    },
  });
}
