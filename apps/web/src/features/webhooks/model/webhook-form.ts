import {
  type CreateWebhookSubscriptionRequest,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryStatus,
  type WebhookEventType,
  type WebhookKind,
} from '@podium/contracts';

export interface WebhookFormValues {
  url: string;
  kind: WebhookKind;
  description: string;
  eventTypes: ReadonlySet<WebhookEventType>;
}

/** Events ticked by default: what a streamer most often forwards. */
export const DEFAULT_EVENT_TYPES: readonly WebhookEventType[] = ['redeem.created', 'goal.reached'];

/** Discord channels usually want the stream's big moments. */
export const DISCORD_EVENT_TYPES: readonly WebhookEventType[] = [
  'stream.started',
  'goal.reached',
  'vote.closed',
  'revolution.fired',
];

export function emptyWebhookForm(): WebhookFormValues {
  return { url: '', kind: 'json', description: '', eventTypes: new Set(DEFAULT_EVENT_TYPES) };
}

export function toggleEventType(
  values: WebhookFormValues,
  type: WebhookEventType,
  on: boolean,
): WebhookFormValues {
  const next = new Set(values.eventTypes);
  if (on) next.add(type);
  else next.delete(type);
  return { ...values, eventTypes: next };
}

/** The request, event types in the catalogue's order (the server validates the rest). */
export function toCreateRequest(values: WebhookFormValues): CreateWebhookSubscriptionRequest {
  return {
    url: values.url.trim(),
    kind: values.kind,
    description: values.description.trim(),
    eventTypes: WEBHOOK_EVENT_TYPES.filter((type) => values.eventTypes.has(type)),
  };
}

/** Discord URLs are recognisable: suggest the kind so the body has Discord's shape. */
export function suggestedKind(url: string): WebhookKind | null {
  return /^https:\/\/(?:\w+\.)?discord(?:app)?\.com\/api\/webhooks\//i.test(url.trim()) ? 'discord' : null;
}

export function deliveryTone(status: WebhookDeliveryStatus): 'accent' | 'neutral' | 'muted' {
  switch (status) {
    case 'succeeded':
      return 'accent';
    case 'pending':
      return 'neutral';
    case 'failed':
      return 'muted';
  }
}
