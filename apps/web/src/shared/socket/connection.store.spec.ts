import { createConnectionStore } from './connection.store';

describe('connection store', () => {
  it('starts connecting and goes online on session.ready', () => {
    const store = createConnectionStore();
    expect(store.getState().state).toBe('connecting');

    store.getState().online('2026-11-21T10:00:00.000Z');

    expect(store.getState()).toMatchObject({
      state: 'online',
      serverTime: '2026-11-21T10:00:00.000Z',
      everOnline: true,
      reconnectCount: 0,
    });
  });

  it('stays "connecting" while the first connection is still being attempted', () => {
    const store = createConnectionStore();
    store.getState().attempting(3);
    expect(store.getState()).toMatchObject({ state: 'connecting', attempt: 3 });
  });

  it('goes offline on a drop, counts attempts, and counts the reconnect when it heals', () => {
    const store = createConnectionStore();
    store.getState().online('t1');

    store.getState().offline('transport close');
    expect(store.getState()).toMatchObject({ state: 'offline', lastError: 'transport close' });

    store.getState().attempting(1);
    store.getState().attempting(2);
    expect(store.getState()).toMatchObject({ state: 'offline', attempt: 2 });

    store.getState().online('t2');
    expect(store.getState()).toMatchObject({
      state: 'online',
      attempt: 0,
      reconnectCount: 1,
      lastError: null,
    });

    store.getState().offline('ping timeout');
    store.getState().online('t3');
    expect(store.getState().reconnectCount).toBe(2);
  });

  it('does not count a repeated session.ready as a reconnect', () => {
    const store = createConnectionStore();
    store.getState().online('t1');
    store.getState().online('t2');
    expect(store.getState().reconnectCount).toBe(0);
  });

  it('forgets everything on reset (sign-out)', () => {
    const store = createConnectionStore();
    store.getState().online('t1');
    store.getState().offline('x');
    store.getState().reset();
    expect(store.getState()).toMatchObject({
      state: 'connecting',
      everOnline: false,
      reconnectCount: 0,
      attempt: 0,
    });
  });
});
