import type {
  CreateWebhookSubscriptionRequest,
  UpdateWebhookSubscriptionRequest,
  WebhookDeliveryDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionWithSecretDto,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';

const webhooksPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/webhooks`;

/** Everything of the Webhooks page sits under this prefix. */
export const webhooksKeys = {
  all: (workspaceId: string) => ['workspaces', workspaceId, 'webhooks'] as const,
  subscriptions: (workspaceId: string) => ['workspaces', workspaceId, 'webhooks', 'subscriptions'] as const,
  deliveries: (workspaceId: string) => ['workspaces', workspaceId, 'webhooks', 'deliveries'] as const,
};

export const subscriptionsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: webhooksKeys.subscriptions(workspaceId),
    queryFn: ({ signal }) => http.get<WebhookSubscriptionDto[]>(webhooksPath(workspaceId), signal),
  });

export const deliveriesQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: webhooksKeys.deliveries(workspaceId),
    queryFn: ({ signal }) =>
      http.get<WebhookDeliveryDto[]>(`${webhooksPath(workspaceId)}/deliveries?limit=50`, signal),
  });

export function useSubscriptions(workspaceId: string) {
  return useQuery(subscriptionsQueryOptions(workspaceId));
}

export function useDeliveries(workspaceId: string) {
  return useQuery(deliveriesQueryOptions(workspaceId));
}

function useInvalidate(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: webhooksKeys.all(workspaceId) });
}

export function useCreateSubscription(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (request: CreateWebhookSubscriptionRequest) =>
      http.post<WebhookSubscriptionWithSecretDto>(webhooksPath(workspaceId), request),
    onSuccess: invalidate,
  });
}

export function useUpdateSubscription(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string } & UpdateWebhookSubscriptionRequest) =>
      http.patch<WebhookSubscriptionDto>(`${webhooksPath(workspaceId)}/${segment(id)}`, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteSubscription(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (id: string) => http.delete(`${webhooksPath(workspaceId)}/${segment(id)}`),
    onSuccess: invalidate,
  });
}

export function useRotateSecret(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (id: string) =>
      http.post<WebhookSubscriptionWithSecretDto>(`${webhooksPath(workspaceId)}/${segment(id)}/secret`),
    onSuccess: invalidate,
  });
}

export function useSendTest(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (id: string) =>
      http.post<WebhookDeliveryDto>(`${webhooksPath(workspaceId)}/${segment(id)}/test`),
    onSuccess: invalidate,
  });
}

export function useReplayDelivery(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (deliveryId: string) =>
      http.post<WebhookDeliveryDto>(`${webhooksPath(workspaceId)}/deliveries/${segment(deliveryId)}/replay`),
    onSuccess: invalidate,
  });
}
