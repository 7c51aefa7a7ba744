import { useQueryClient } from '@tanstack/react-query';
import { listenTo } from '@/shared/socket/listen-to';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { webhooksKeys } from '../api/webhooks.api';

/** Refetches the page when a subscription changes (disabled after failures) or an attempt finishes. */
export function useWebhooksLive(workspaceId: string): void {
  const queryClient = useQueryClient();
  useOrganizerSocket(
    (socket) => {
      const refetch = (from: string, queryKey: readonly unknown[]) => {
        if (from === workspaceId) void queryClient.invalidateQueries({ queryKey });
      };
      return listenTo(socket, {
        'webhooks.subscriptionChanged': ({ subscription }) =>
          refetch(subscription.workspaceId, webhooksKeys.subscriptions(workspaceId)),
        'webhooks.deliveryChanged': (payload) => refetch(payload.workspaceId, webhooksKeys.all(workspaceId)),
      });
    },
    [workspaceId, queryClient],
  );
}
