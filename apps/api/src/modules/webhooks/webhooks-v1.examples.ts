import type {
  WebhookDeliveryDto,
  WebhookEventEnvelope,
  WebhookSubscriptionDto,
  WebhookSubscriptionWithSecretDto,
} from '@podium/contracts';

const WORKSPACE_ID = '3f1d2c4b-5a69-4e7d-8c1b-2a3f4e5d6c7b';

export const SUBSCRIPTION_EXAMPLE: WebhookSubscriptionDto = {
  id: '9b2e7c1a-4d3f-4a8b-9c2d-1e0f3a4b5c6d',
  workspaceId: WORKSPACE_ID,
  url: 'https://example.com/podium/webhooks',
  kind: 'json',
  eventTypes: ['redeem.created', 'goal.reached'],
  description: 'Stream Deck bridge',
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  secretHint: 'x9Qa',
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
};

export const SUBSCRIPTION_WITH_SECRET_EXAMPLE: WebhookSubscriptionWithSecretDto = {
  ...SUBSCRIPTION_EXAMPLE,
  secret: 'whsec_4bQn0v1c2x3z4a5s6d7f8g9h0j1k2l3m4n5b6v7x9Qa',
};

export const ENVELOPE_EXAMPLE: WebhookEventEnvelope<'webhook.test'> = {
  id: 'evt_5f0c2b1e9d8a7c6b5a4f3e2d1c0b9a8f',
  type: 'webhook.test',
  createdAt: '2026-11-21T10:05:00.000Z',
  workspaceId: WORKSPACE_ID,
  data: { message: 'A test from Podium: this endpoint receives its webhooks.' },
};

export const DELIVERY_EXAMPLE: WebhookDeliveryDto = {
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  subscriptionId: SUBSCRIPTION_EXAMPLE.id,
  eventId: ENVELOPE_EXAMPLE.id,
  eventType: 'webhook.test',
  status: 'succeeded',
  attempts: 1,
  nextAttemptAt: null,
  lastStatusCode: 200,
  body: ENVELOPE_EXAMPLE,
  createdAt: '2026-11-21T10:05:00.000Z',
  completedAt: '2026-11-21T10:05:00.120Z',
  attemptLog: [
    {
      id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
      number: 1,
      trigger: 'test',
      ok: true,
      statusCode: 200,
      error: null,
      durationMs: 118,
      responseExcerpt: 'ok',
      at: '2026-11-21T10:05:00.002Z',
    },
  ],
};
