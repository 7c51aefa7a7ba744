import type {
  AcceptInviteRequest,
  CreateInviteRequest,
  CreatedInviteDto,
  InviteDto,
  InvitePreviewDto,
  MeDto,
  MembershipDto,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';

const invitesPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/invites`;

/** The full link to hand out, from the `path` the server returns (`/invite/<token>`). */
export function inviteUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

/** The membership an accept added: the one that was not there before, else the one by that name. */
export function joinedMembership(
  before: MeDto | null,
  after: MeDto,
  workspaceName: string,
): MembershipDto | undefined {
  const known = new Set(before?.memberships.map((m) => m.workspaceId));
  return (
    after.memberships.find((m) => !known.has(m.workspaceId)) ??
    after.memberships.find((m) => m.workspaceName === workspaceName)
  );
}

export const invitesQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: queryKeys.invites(workspaceId),
    queryFn: ({ signal }) => http.get<InviteDto[]>(invitesPath(workspaceId), signal),
  });

export function useInvites(workspaceId: string) {
  return useQuery(invitesQueryOptions(workspaceId));
}

export function useCreateInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateInviteRequest) =>
      http.post<CreatedInviteDto>(invitesPath(workspaceId), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invites(workspaceId) }),
  });
}

export function useRevokeInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => http.delete(`${invitesPath(workspaceId)}/${segment(inviteId)}`),
    onSuccess: (_nothing, inviteId) => {
      queryClient.setQueryData<InviteDto[]>(queryKeys.invites(workspaceId), (invites) =>
        invites?.filter((invite) => invite.id !== inviteId),
      );
    },
  });
}

export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: queryKeys.invitePreview(token),
    queryFn: ({ signal }) => http.get<InvitePreviewDto>(`/invites/${segment(token)}`, signal),
    staleTime: Infinity,
  });
}

/** Accepts as the signed-in organizer (`{}`) or creates an account first; signs in either way. */
export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AcceptInviteRequest) =>
      http.post<MeDto>(`/invites/${segment(token)}/accept`, request),
    onSuccess: (me) => {
      queryClient.setQueryData<MeDto | null>(queryKeys.me, me);
      queryClient.removeQueries({ queryKey: queryKeys.invitePreview(token) });
    },
  });
}
