import { listenTo } from './listen-to';
import { FakeSocket } from './testing/fake-socket';

describe('listenTo', () => {
  it('adds each listener and removes exactly those, not the other listeners on the socket', () => {
    const socket = new FakeSocket();
    const other = jest.fn();
    socket.on('points.changed', other);
    const seen: string[] = [];
    const stop = listenTo(socket.asSocket(), {
      'points.changed': () => seen.push('points'),
      'session.ready': () => seen.push('ready'),
    });

    socket.push('points.changed', { workspaceId: 'w', changes: [] });
    socket.push('session.ready', {});
    expect(seen).toEqual(['points', 'ready']);
    expect(socket.listenerCount()).toBe(3);

    stop();
    socket.push('points.changed', { workspaceId: 'w', changes: [] });
    expect(seen).toEqual(['points', 'ready']);
    expect(other).toHaveBeenCalledTimes(2);
    expect(socket.listenerCount()).toBe(1);
  });
});
