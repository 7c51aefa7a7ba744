import { initialConnection, reduceConnection, serverNow, type OverlayConnection } from './connection-state';

describe('overlay connection state', () => {
  it('goes online with the server time from session.ready', () => {
    const next = reduceConnection(initialConnection, {
      type: 'ready',
      serverTime: '2026-11-21T10:00:00.000Z',
      receivedAt: 1_000,
    });
    expect(next).toEqual({ status: 'online', serverTime: '2026-11-21T10:00:00.000Z', receivedAt: 1_000 });
  });

  it('goes offline on a drop and back online on the next ready', () => {
    let state = reduceConnection(initialConnection, { type: 'ready', serverTime: 'a', receivedAt: 1 });
    state = reduceConnection(state, { type: 'lost' });
    expect(state.status).toBe('offline');
    state = reduceConnection(state, { type: 'ready', serverTime: 'b', receivedAt: 2 });
    expect(state).toMatchObject({ status: 'online', serverTime: 'b' });
  });

  it('stays revoked or unauthorized whatever comes next', () => {
    const revoked = reduceConnection(initialConnection, { type: 'revoked' });
    expect(revoked.status).toBe('revoked');
    expect(reduceConnection(revoked, { type: 'ready', serverTime: 'x', receivedAt: 1 }).status).toBe(
      'revoked',
    );
    expect(reduceConnection(revoked, { type: 'lost' }).status).toBe('revoked');

    const refused = reduceConnection(initialConnection, { type: 'refused' });
    expect(refused.status).toBe('unauthorized');
    expect(reduceConnection(refused, { type: 'ready', serverTime: 'x', receivedAt: 1 }).status).toBe(
      'unauthorized',
    );
  });

  it('runs the server clock forward by the local time elapsed', () => {
    const state: OverlayConnection = {
      status: 'online',
      serverTime: '2026-11-21T10:00:00.000Z',
      receivedAt: 5_000,
    };
    expect(serverNow(state, 7_500)?.toISOString()).toBe('2026-11-21T10:00:02.500Z');
    expect(serverNow(initialConnection, 7_500)).toBeNull();
  });
});
