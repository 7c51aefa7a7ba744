import type { WebhookDeliveryDto, WebhookSubscriptionDto } from '@podium/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { webhooksKeys } from '../api/webhooks.api';
import { WebhookDeliveriesCard } from './webhook-deliveries-card';
import { DisabledBanners, WebhookSubscriptionsCard } from './webhook-subscriptions-card';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const subscription = (
  id: string,
  overrides: Partial<WebhookSubscriptionDto> = {},
): WebhookSubscriptionDto => ({
  id,
  workspaceId: 'w1',
  url: `https://example.com/${id}`,
  kind: 'json',
  eventTypes: ['redeem.created', 'goal.reached'],
  description: '',
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  secretHint: 'abcd',
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  ...overrides,
});

const delivery = (id: string, overrides: Partial<WebhookDeliveryDto> = {}): WebhookDeliveryDto => ({
  id,
  subscriptionId: 's1',
  eventId: `evt_${id}`,
  eventType: 'redeem.created',
  status: 'failed',
  attempts: 2,
  nextAttemptAt: null,
  lastStatusCode: 503,
  body: { id: `evt_${id}`, note: '<script>x</script>' },
  createdAt: '2026-11-21T10:00:00.000Z',
  completedAt: '2026-11-21T10:00:01.000Z',
  attemptLog: [
    {
      id: `${id}-1`,
      number: 1,
      trigger: 'auto',
      ok: false,
      statusCode: 503,
      error: null,
      durationMs: 12,
      responseExcerpt: 'down',
      at: '2026-11-21T10:00:00.000Z',
    },
  ],
  ...overrides,
});

function render(node: ReactNode, deliveries?: WebhookDeliveryDto[]): string {
  const client = new QueryClient();
  if (deliveries) client.setQueryData(webhooksKeys.deliveries('w1'), deliveries);
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

describe('webhooks page cards', () => {
  it('shows a re-enable banner only for subscriptions disabled after failures', () => {
    const html = render(
      <DisabledBanners
        workspaceId="w1"
        subscriptions={[
          subscription('a', { enabled: false, disabledReason: 'failures', consecutiveFailures: 5 }),
          subscription('b', { enabled: false, disabledReason: 'manual' }),
          subscription('c'),
        ]}
      />,
    );
    expect(html).toContain('data-testid="webhook-disabled-a"');
    expect(html).not.toContain('webhook-disabled-b');
    expect(html).not.toContain('webhook-disabled-c');
    expect(html).toContain('https://example.com/a failed 5 deliveries in a row');
    expect(html).toContain('Re-enable');
  });

  it('lists subscriptions with their events, state and secret hint, never a secret', () => {
    const html = render(
      <WebhookSubscriptionsCard
        workspaceId="w1"
        subscriptions={[subscription('a'), subscription('b', { enabled: false, disabledReason: 'manual' })]}
        onSecret={() => undefined}
      />,
    );
    expect(html).toContain('Redeem created, Goal reached');
    expect(html).toContain('secret …abcd');
    expect(html).toContain(
      'data-testid="webhook-toggle-a" type="button" class="btn btn--secondary btn--sm">Disable',
    );
    expect(html).toContain(
      'data-testid="webhook-toggle-b" type="button" class="btn btn--secondary btn--sm">Enable',
    );
  });

  it('logs deliveries with their attempts, escaped bodies, and replay only when finished', () => {
    const html = render(<WebhookDeliveriesCard workspaceId="w1" subscriptions={[subscription('s1')]} />, [
      delivery('d1'),
      delivery('d2', { status: 'pending', nextAttemptAt: '2026-11-21T10:01:00.000Z' }),
    ]);
    expect(html).toContain('Failed');
    expect(html).toContain('#1 automatic · 503 · 12 ms');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('data-testid="delivery-replay-d1"');
    expect(html).not.toContain('delivery-replay-d2');
  });
});
