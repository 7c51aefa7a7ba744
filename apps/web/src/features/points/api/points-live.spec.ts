import type { PointsChangedDto } from '@podium/contracts';
import { FakeSocket } from '@/shared/socket/testing/fake-socket';
import type { PointsRefresh } from '../model/points-refresh';
import { connectPointsLive } from './points-live';

describe('connectPointsLive', () => {
  function setup() {
    const socket = new FakeSocket();
    const changes: PointsRefresh[] = [];
    const stop = connectPointsLive(socket.asSocket(), 'w1', (change) => changes.push(change));
    return { socket, changes, stop };
  }
  const push = (payload: PointsChangedDto) => payload;

  it("reports the viewers of this workspace's pushes, and a full refresh after a reconnect", () => {
    const { socket, changes } = setup();
    socket.push(
      'points.changed',
      push({
        workspaceId: 'w1',
        changes: [
          { viewerId: 'v1', balance: 5 },
          { viewerId: 'v2', balance: 0 },
        ],
      }),
    );
    socket.push('points.changed', push({ workspaceId: 'w2', changes: [{ viewerId: 'v3', balance: 1 }] }));
    socket.push('points.changed', push({ workspaceId: 'w1', changes: [] }));
    socket.push('session.ready', {});
    expect(changes).toEqual([{ viewerIds: ['v1', 'v2'] }, 'all']);
  });

  it('removes only its own listeners', () => {
    const { socket, changes, stop } = setup();
    const other = jest.fn();
    socket.on('points.changed', other);
    stop();
    socket.push('points.changed', push({ workspaceId: 'w1', changes: [{ viewerId: 'v1', balance: 5 }] }));
    expect(changes).toEqual([]);
    expect(other).toHaveBeenCalledTimes(1);
    expect(socket.listenerCount()).toBe(1);
  });
});
