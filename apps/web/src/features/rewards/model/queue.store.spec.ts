import { redemption } from '../test/rewards.factory';
import { createQueueStore, pendingCount, queueRows } from './queue.store';

const at = (minute: number) => `2026-11-21T12:${String(minute).padStart(2, '0')}:00.000Z`;

describe('queue store', () => {
  it('shows pending first, oldest first, then decided ones newest decision first', () => {
    const store = createQueueStore();
    store
      .getState()
      .snapshot([redemption('late', { createdAt: at(5) }), redemption('early', { createdAt: at(1) })]);
    store
      .getState()
      .patch([
        redemption('done-old', { status: 'fulfilled', createdAt: at(0), decidedAt: at(2) }),
        redemption('done-new', { status: 'refunded', createdAt: at(0), decidedAt: at(8) }),
      ]);
    expect(queueRows(store.getState()).map((row) => row.id)).toEqual([
      'early',
      'late',
      'done-new',
      'done-old',
    ]);
    expect(pendingCount(store.getState())).toBe(2);
  });

  it('applies live patches: a new redeem appears, a decision moves it out of pending', () => {
    const store = createQueueStore();
    store.getState().snapshot([redemption('a', { createdAt: at(1) })]);
    store.getState().patch([redemption('b', { createdAt: at(2) })]);
    store.getState().patch([redemption('a', { status: 'fulfilled', decidedAt: at(3) })]);
    expect(queueRows(store.getState()).map((row) => [row.id, row.status])).toEqual([
      ['b', 'pending'],
      ['a', 'fulfilled'],
    ]);
  });

  it('never lets a late pending copy undo a decision already known', () => {
    const store = createQueueStore();
    store.getState().patch([redemption('a', { status: 'refunded', decidedAt: at(3) })]);
    store.getState().patch([redemption('a')]);
    store.getState().snapshot([redemption('a')]);
    expect(store.getState().byId['a']?.status).toBe('refunded');
  });

  it('a snapshot drops pending rows gone from the server but keeps decided rows on screen', () => {
    const store = createQueueStore();
    store.getState().snapshot([redemption('gone'), redemption('kept')]);
    store.getState().patch([redemption('done', { status: 'rejected', decidedAt: at(4) })]);
    store.getState().snapshot([redemption('kept')]);
    expect(Object.keys(store.getState().byId).sort()).toEqual(['done', 'kept']);
  });

  it('guards against a double click: one action at a time per redemption, only on pending ones', () => {
    const store = createQueueStore();
    store.getState().snapshot([redemption('a'), redemption('b')]);
    expect(store.getState().begin('a', 'refund')).toBe(true);
    expect(store.getState().begin('a', 'refund')).toBe(false);
    expect(store.getState().begin('a', 'fulfil')).toBe(false);
    expect(store.getState().begin('b', 'fulfil')).toBe(true);
    store.getState().end('a');
    store.getState().patch([redemption('a', { status: 'refunded', decidedAt: at(1) })]);
    expect(store.getState().begin('a', 'reject')).toBe(false);
    expect(store.getState().busy).toEqual({ b: 'fulfil' });
  });
});
