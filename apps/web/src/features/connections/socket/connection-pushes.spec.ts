import type { ChatEvent, ConnectionDto } from '@podium/contracts';
import { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/shared/api/query-keys';
import { newChatEvent, newConnection } from '../test/connection.factory';
import { FakeSocket } from '@/shared/socket/testing/fake-socket';
import { followConnectionPushes } from './connection-pushes';

/** A `chat.events` push of these events (one workspace's). */
const pushed = (...events: ChatEvent[]) => ({ workspaceId: events[0]!.workspaceId, events });

function setup() {
  const socket = new FakeSocket();
  const queryClient = new QueryClient();
  queryClient.setQueryData<ConnectionDto[]>(queryKeys.connections('w1'), [
    newConnection({ id: 'c-twitch' }),
    newConnection({ id: 'c-inroom', platform: 'inroom', accountName: null, transport: 'socket' }),
  ]);
  const stop = followConnectionPushes(socket.asSocket(), queryClient, 'w1');
  const cached = () => queryClient.getQueryData<ConnectionDto[]>(queryKeys.connections('w1'));
  return { socket, queryClient, stop, cached };
}

describe('followConnectionPushes', () => {
  it('applies connection.changed to the cached list (status, subscriptions) and adds new connections', () => {
    const { socket, cached } = setup();
    socket.push(
      'connection.changed',
      newConnection({
        id: 'c-twitch',
        status: 'needs_attention',
        statusDetail: 'Twitch revoked channel.follow: authorization_revoked',
        subscriptions: [{ type: 'channel.follow', status: 'authorization_revoked' }],
      }),
    );
    socket.push('connection.changed', newConnection({ id: 'c-yt', platform: 'youtube' }));
    expect(cached()?.map((c) => [c.id, c.status])).toEqual([
      ['c-twitch', 'needs_attention'],
      ['c-inroom', 'connected'],
      ['c-yt', 'connected'],
    ]);
    expect(cached()?.[0]?.subscriptions).toEqual([
      { type: 'channel.follow', status: 'authorization_revoked' },
    ]);
  });

  it('removes a connection on connection.removed', () => {
    const { socket, cached } = setup();
    socket.push('connection.removed', { workspaceId: 'w1', connectionId: 'c-twitch' });
    expect(cached()?.map((c) => c.id)).toEqual(['c-inroom']);
  });

  it('moves "last event" with chat.events pushes, to the latest of a batch', () => {
    const { socket, cached } = setup();
    socket.push(
      'chat.events',
      pushed(
        newChatEvent({ connectionId: 'c-inroom', receivedAt: '2026-11-21T12:01:00.000Z' }),
        newChatEvent({ connectionId: 'c-inroom', receivedAt: '2026-11-21T12:03:00.000Z' }),
        newChatEvent({ connectionId: 'c-inroom', receivedAt: '2026-11-21T12:02:00.000Z' }),
      ),
    );
    expect(cached()?.find((c) => c.id === 'c-inroom')?.lastEventAt).toBe('2026-11-21T12:03:00.000Z');
  });

  it("ignores other workspaces' pushes (the socket carries all of the organizer's workspaces)", () => {
    const { socket, cached } = setup();
    const before = cached();
    socket.push(
      'connection.changed',
      newConnection({ id: 'c-twitch', workspaceId: 'w2', status: 'disconnected' }),
    );
    socket.push('connection.removed', { workspaceId: 'w2', connectionId: 'c-twitch' });
    socket.push('chat.events', pushed(newChatEvent({ workspaceId: 'w2', connectionId: 'c-twitch' })));
    expect(cached()).toBe(before);
  });

  it('removes only its own listeners on stop', () => {
    const { socket, stop } = setup();
    socket.on('chat.events', () => undefined);
    stop();
    expect(socket.listenerCount()).toBe(1);
  });
});
