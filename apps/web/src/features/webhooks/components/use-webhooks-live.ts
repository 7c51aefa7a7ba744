import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { holdLiveConnection, organizerSocket } from '@/shared/socket/socket.client';
import { webhooksKeys } from '../api/webhooks.api';

/** Refetches the page when a subscription changes (disabled after failures) or an attempt finishes. */
export function useWebhooksLive(workspaceId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const release = holdLiveConnection();
    const socket = organizerSocket();
    if (!socket) return release;
    const onSubscription = ({ subscription }: { subscription: { workspaceId: string } }) => {
      if (subscription.workspaceId === workspaceId) {
        void queryClient.invalidateQueries({ queryKey: webhooksKeys.subscriptions(workspaceId) });
      }
    };
    const onDelivery = (payload: { workspaceId: string }) => {
      if (payload.workspaceId === workspaceId) {
        void queryClient.invalidateQueries({ queryKey: webhooksKeys.all(workspaceId) });
      }
    };
    socket.on('webhooks.subscriptionChanged', onSubscription);
    socket.on('webhooks.deliveryChanged', onDelivery);
    return () => {
      socket.off('webhooks.subscriptionChanged', onSubscription);
      socket.off('webhooks.deliveryChanged', onDelivery);
      release();
    };
  }, [workspaceId, queryClient]);
}
