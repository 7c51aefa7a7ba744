import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { holdLiveConnection, organizerSocket } from '@/shared/socket/socket.client';
import { followConnectionPushes } from './connection-pushes';

/** While the page is open, the workspace's connection cards follow the server's pushes. */
export function useConnectionPushes(workspaceId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    // Held here too: this effect runs before the dashboard's, which would create the socket later.
    const release = holdLiveConnection();
    const socket = organizerSocket();
    if (!socket) return release;
    const stop = followConnectionPushes(socket, queryClient, workspaceId);
    return () => {
      stop();
      release();
    };
  }, [queryClient, workspaceId]);
}
