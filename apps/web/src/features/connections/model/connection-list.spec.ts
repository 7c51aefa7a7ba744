import { newChatEvent, newConnection } from '../test/connection.factory';
import { noteEvent, removeConnection, upsertConnection } from './connection-list';

describe('connection list updates', () => {
  it('replaces a changed connection in place and appends a new one', () => {
    const list = [newConnection({ id: 'a' }), newConnection({ id: 'b' })];
    const changed = upsertConnection(list, newConnection({ id: 'a', status: 'needs_attention' }));
    expect(changed?.map((c) => [c.id, c.status])).toEqual([
      ['a', 'needs_attention'],
      ['b', 'connected'],
    ]);
    expect(upsertConnection(list, newConnection({ id: 'c' }))?.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves a list that is not loaded yet to its fetch', () => {
    expect(upsertConnection(undefined, newConnection())).toBeUndefined();
    expect(removeConnection(undefined, 'a')).toBeUndefined();
    expect(noteEvent(undefined, newChatEvent())).toBeUndefined();
  });

  it('removes a connection, and keeps the same list when it is not there', () => {
    const list = [newConnection({ id: 'a' }), newConnection({ id: 'b' })];
    expect(removeConnection(list, 'a')?.map((c) => c.id)).toEqual(['b']);
    expect(removeConnection(list, 'zzz')).toBe(list);
  });

  it('moves "last event" forward only, and only for the event’s connection', () => {
    const list = [
      newConnection({ id: 'c-twitch', lastEventAt: '2026-11-21T12:00:00.000Z' }),
      newConnection({ id: 'c-other', lastEventAt: null }),
    ];
    const later = noteEvent(
      list,
      newChatEvent({ connectionId: 'c-twitch', receivedAt: '2026-11-21T12:05:00.000Z' }),
    );
    expect(later?.map((c) => c.lastEventAt)).toEqual(['2026-11-21T12:05:00.000Z', null]);
    // An older event (a late page, a retry) changes nothing: same list, no re-render.
    const earlier = newChatEvent({ connectionId: 'c-twitch', receivedAt: '2026-11-21T11:00:00.000Z' });
    expect(noteEvent(list, earlier)).toBe(list);
    expect(noteEvent(list, newChatEvent({ connectionId: 'unknown' }))).toBe(list);
  });
});
