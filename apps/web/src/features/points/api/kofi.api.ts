import type {
  CreateKofiLinkRequest,
  KofiLinkDto,
  KofiLinkResultDto,
  KofiPaymentDto,
  KofiSettingsDto,
  UpdateKofiSettingsRequest,
} from '@podium/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

const kofiPath = (workspaceId: string, rest: string) => `/workspaces/${segment(workspaceId)}/kofi/${rest}`;

export const kofiKeys = {
  all: (workspaceId: string) => [...queryKeys.points(workspaceId), 'kofi'] as const,
  settings: (workspaceId: string) => [...kofiKeys.all(workspaceId), 'settings'] as const,
  links: (workspaceId: string) => [...kofiKeys.all(workspaceId), 'links'] as const,
  payments: (workspaceId: string) => [...kofiKeys.all(workspaceId), 'payments'] as const,
};

export function useKofiSettings(workspaceId: string) {
  return useQuery({
    queryKey: kofiKeys.settings(workspaceId),
    queryFn: ({ signal }) => http.get<KofiSettingsDto>(kofiPath(workspaceId, 'settings'), signal),
  });
}

/** Owners only: the verification token, the points rate, a new webhook URL. */
export function useSaveKofiSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateKofiSettingsRequest) =>
      http.put<KofiSettingsDto>(kofiPath(workspaceId, 'settings'), request),
    onSuccess: (saved) => queryClient.setQueryData(kofiKeys.settings(workspaceId), saved),
  });
}

export function useKofiLinks(workspaceId: string) {
  return useQuery({
    queryKey: kofiKeys.links(workspaceId),
    queryFn: ({ signal }) => http.get<KofiLinkDto[]>(kofiPath(workspaceId, 'links'), signal),
  });
}

export function useKofiPayments(workspaceId: string) {
  return useQuery({
    queryKey: kofiKeys.payments(workspaceId),
    queryFn: ({ signal }) => http.get<KofiPaymentDto[]>(kofiPath(workspaceId, 'payments'), signal),
  });
}

/** A moderator links an e-mail by hand; pending payments of that e-mail are credited at once. */
export function useCreateKofiLink(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateKofiLinkRequest) =>
      http.post<KofiLinkResultDto>(kofiPath(workspaceId, 'links'), request),
    // Links, payments and the credited balances all changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.points(workspaceId) }),
  });
}
