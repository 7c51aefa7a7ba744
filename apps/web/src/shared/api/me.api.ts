import type { MeDto, MembershipDto } from '@podium/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from './api-error';
import { http } from './http-client';
import { queryKeys } from './query-keys';

/** The signed-in organizer, or `null` when nobody is signed in (401). */
export async function getMe(signal?: AbortSignal): Promise<MeDto | null> {
  try {
    return await http.get<MeDto>('/auth/me', signal);
  } catch (error) {
    if (isApiError(error) && error.statusCode === 401) return null;
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => getMe(signal),
});

export function useMe() {
  return useQuery(meQueryOptions);
}

export function findMembership(me: MeDto | null | undefined, workspaceId: string): MembershipDto | undefined {
  return me?.memberships.find((membership) => membership.workspaceId === workspaceId);
}
