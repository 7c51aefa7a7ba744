import type { RedemptionDto } from '@podium/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { createQueueStore, type QueueAction } from '../model/queue.store';
import { createVersionedStore } from '../model/versioned.store';
import { redemption } from '../test/rewards.factory';
import { QueueTab } from './queue-tab';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

/** A server render reads the store's initial state: the queue is prepared there. */
function renderQueue(canEdit: boolean, redemptions: RedemptionDto[], busy: Record<string, QueueAction> = {}) {
  const queue = createQueueStore({ byId: Object.fromEntries(redemptions.map((r) => [r.id, r])), busy });
  const live = {
    stores: { queue, goals: createVersionedStore(), votes: createVersionedStore() },
    loadError: null,
    resync: () => undefined,
  } as never;
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <QueueTab workspaceId="w1" canEdit={canEdit} live={live} />
    </QueryClientProvider>,
  );
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('QueueTab', () => {
  it('lists pending redemptions first with their note and the three moves, decided ones with their status', () => {
    const html = renderQueue(true, [
      redemption('b', { status: 'refunded', decidedAt: '2026-11-21T12:05:00.000Z' }),
      redemption('a', { note: 'play <b>this</b>', createdAt: '2026-11-21T12:01:00.000Z' }),
    ]);
    expect(html).toContain('Queue (1 waiting)');
    expect(html.indexOf('data-status="pending"')).toBeLessThan(html.indexOf('data-status="refunded"'));
    expect(html).toContain('play &lt;b&gt;this&lt;/b&gt;');
    expect(count(html, 'data-testid="queue-fulfil"')).toBe(1);
    expect(count(html, 'data-testid="queue-refund"')).toBe(1);
    expect(html).toContain('Refunded');
  });

  it('turns a row’s buttons off while one of its moves is on its way', () => {
    const html = renderQueue(true, [redemption('a')], { a: 'refund' });
    const buttons = html.match(/<button[^>]*data-testid="queue-(fulfil|refund|reject)"[^>]*>/g) ?? [];
    expect(buttons).toHaveLength(3);
    for (const button of buttons) expect(button).toContain('disabled');
  });

  it('shows read-only co-hosts no moves and no clear', () => {
    const html = renderQueue(false, [redemption('a')]);
    expect(html).not.toContain('queue-fulfil');
    expect(html).not.toContain('queue-clear-refund');
    expect(html).toContain('Pending');
  });
});
