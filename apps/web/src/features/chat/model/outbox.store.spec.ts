import { newOutboxMessage } from '../test/chat.factory';
import { createOutboxStore, isFinal, mergeOutbox, OUTBOX_KEPT } from './outbox.store';

describe('outbox store', () => {
  it('follows each message from pending to sent, or to dropped with the platform’s reason', () => {
    const store = createOutboxStore();
    store
      .getState()
      .upsert([
        newOutboxMessage({ id: 'o1', connectionId: 'c-twitch' }),
        newOutboxMessage({ id: 'o2', connectionId: 'c-yt', platform: 'youtube' }),
      ]);
    store
      .getState()
      .upsert([newOutboxMessage({ id: 'o1', status: 'sent', sentAt: '2026-11-21T12:00:01.000Z' })]);
    store
      .getState()
      .upsert([
        newOutboxMessage({ id: 'o2', platform: 'youtube', status: 'dropped', detail: 'msg_duplicate' }),
      ]);
    const byId = Object.fromEntries(store.getState().messages.map((m) => [m.id, m]));
    expect(byId['o1']?.status).toBe('sent');
    expect(byId['o2']).toMatchObject({ status: 'dropped', detail: 'msg_duplicate' });
  });

  it('never goes back a step when a push overtakes the POST’s answer', () => {
    const store = createOutboxStore();
    store.getState().upsert([newOutboxMessage({ id: 'o1', status: 'sent' })]);
    store.getState().upsert([newOutboxMessage({ id: 'o1', status: 'pending' })]);
    expect(store.getState().messages.map((m) => m.status)).toEqual(['sent']);
    store.getState().upsert([newOutboxMessage({ id: 'o2', status: 'sending' })]);
    store.getState().upsert([newOutboxMessage({ id: 'o2', status: 'failed', detail: 'timeout' })]);
    expect(store.getState().messages.find((m) => m.id === 'o2')?.status).toBe('failed');
  });

  it('keeps the newest first, and only the last few', () => {
    const many = Array.from({ length: OUTBOX_KEPT + 5 }, (_, i) =>
      newOutboxMessage({ id: `o${i}`, createdAt: new Date(Date.UTC(2026, 10, 21, 12, 0, i)).toISOString() }),
    );
    const kept = mergeOutbox([], many);
    expect(kept).toHaveLength(OUTBOX_KEPT);
    expect(kept[0]?.id).toBe(`o${OUTBOX_KEPT + 4}`);
  });

  it('knows which statuses are final', () => {
    expect((['pending', 'sending', 'sent', 'dropped', 'failed'] as const).map(isFinal)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});
