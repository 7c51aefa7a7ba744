import type { ServerToClientEvents } from '@podium/contracts';
import { queryKeys } from '../api/query-keys';

type PayloadOf<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** The server pushes that change data the web app caches. */
export type LiveChange =
  | { event: 'workspace.renamed'; payload: PayloadOf<'workspace.renamed'> }
  | { event: 'member.changed'; payload: PayloadOf<'member.changed'> }
  | { event: 'overlay.revoked'; payload: PayloadOf<'overlay.revoked'> }
  | { event: 'meeting.changed'; payload: PayloadOf<'meeting.changed'> };

export interface Invalidation {
  queryKey: readonly unknown[];
  /** Only this key, not the keys it prefixes. */
  exact?: boolean;
}

/** Which cached queries a pushed change makes stale. `myUserId` is the signed-in organizer. */
export function invalidationsFor(change: LiveChange, myUserId: string | undefined): Invalidation[] {
  switch (change.event) {
    case 'workspace.renamed':
      // The name shows in the workspace itself and in every membership of `me`.
      return [
        { queryKey: queryKeys.workspace(change.payload.workspace.id), exact: true },
        { queryKey: queryKeys.me },
      ];
    case 'member.changed': {
      const { workspaceId, userId } = change.payload;
      if (userId === myUserId) {
        // My own role changed (or I was removed): what I may see in that workspace changed with it.
        return [{ queryKey: queryKeys.me }, { queryKey: queryKeys.workspace(workspaceId) }];
      }
      return [{ queryKey: queryKeys.members(workspaceId), exact: true }];
    }
    case 'overlay.revoked':
      // Another moderator revoked a link: the list on screen is out of date.
      return [{ queryKey: queryKeys.overlayTokens(change.payload.workspaceId), exact: true }];
    case 'meeting.changed':
      // Another organizer edited it (questions, title, code): the editor refetches it.
      return [{ queryKey: queryKeys.meeting(change.payload.meetingId), exact: true }];
  }
}
