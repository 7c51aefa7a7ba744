import { FakeSocket } from '@/shared/socket/testing/fake-socket';
import { holdLiveConnection, organizerSocket } from '@/shared/socket/socket.client';
import { holdOrganizerSocket } from './use-organizer-socket';

jest.mock('@/shared/socket/socket.client', () => ({
  holdLiveConnection: jest.fn(),
  organizerSocket: jest.fn(),
}));

const hold = jest.mocked(holdLiveConnection);
const currentSocket = jest.mocked(organizerSocket);

describe('holdOrganizerSocket', () => {
  /** Everything that happened, in order: holds, releases, subscriptions and teardowns. */
  let calls: string[];

  beforeEach(() => {
    calls = [];
    hold.mockReset().mockImplementation(() => {
      calls.push('hold');
      return () => calls.push('release');
    });
    currentSocket.mockReset();
  });

  it('subscribes with the socket it holds, and on cleanup tears down before releasing', () => {
    const fake = new FakeSocket();
    currentSocket.mockImplementation(() => {
      // The socket is read only once the connection is held (holding is what creates it).
      calls.push('socket');
      return fake.asSocket();
    });
    const pushed: unknown[] = [];

    const cleanup = holdOrganizerSocket((socket) => {
      calls.push('subscribe');
      expect(socket).toBe(fake.asSocket());
      const listener = (payload: unknown) => pushed.push(payload);
      socket.on('reward.changed', listener);
      return () => {
        calls.push('teardown');
        socket.off('reward.changed', listener);
      };
    });
    fake.push('reward.changed', { workspaceId: 'w1' });

    expect(calls).toEqual(['hold', 'socket', 'subscribe']);
    expect(pushed).toEqual([{ workspaceId: 'w1' }]);

    cleanup();

    expect(calls).toEqual(['hold', 'socket', 'subscribe', 'teardown', 'release']);
    expect(fake.listenerCount()).toBe(0);
  });

  it('releases the hold when the subscriber has nothing to tear down', () => {
    currentSocket.mockReturnValue(new FakeSocket().asSocket());

    const cleanup = holdOrganizerSocket(() => {
      calls.push('subscribe');
    });
    cleanup();

    expect(calls).toEqual(['hold', 'subscribe', 'release']);
  });

  it('holds the connection even without a socket, subscribes to nothing, and releases it', () => {
    currentSocket.mockReturnValue(null);
    const subscribe = jest.fn();

    const cleanup = holdOrganizerSocket(subscribe);
    expect(calls).toEqual(['hold']);

    cleanup();

    expect(subscribe).not.toHaveBeenCalled();
    expect(calls).toEqual(['hold', 'release']);
  });
});
