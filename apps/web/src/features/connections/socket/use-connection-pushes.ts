import { useQueryClient } from '@tanstack/react-query';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { followConnectionPushes } from './connection-pushes';

/** While the page is open, the workspace's connection cards follow the server's pushes. */
export function useConnectionPushes(workspaceId: string): void {
  const queryClient = useQueryClient();
  // Held here too: this effect runs before the dashboard's, which would create the socket later.
  useOrganizerSocket(
    (socket) => followConnectionPushes(socket, queryClient, workspaceId),
    [queryClient, workspaceId],
  );
}
