import { readFileSync } from 'node:fs';
import type { MeDto, MeetingDto } from '@podium/contracts';
import { io } from 'socket.io-client';
import { type RunningProxy, startProxy } from './support/nginx';
import {
  type Cluster,
  connectLive,
  type LiveSocket,
  ok,
  request,
  Session,
  startCluster,
  until,
} from './support/replicas';

/** Established TCP connections accepted on a local port (read from /proc/net/tcp, IPv4). */
function connectionsTo(port: number): number {
  const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter(([, localAddress, , state]) => localAddress?.endsWith(local) && state === '01').length;
}

/**
 * docker/nginx.conf, the production proxy, run by Debian's nginx in front of three built replicas.
 * Every phone of a venue reaches the proxy from one address (the venue's NAT; here 127.0.0.1), so
 * pinning sockets by address would put the whole room on one replica. WebSockets must spread;
 * long polling, which only works on the replica that opened its session, must not.
 */
describe('the production proxy (docker/nginx.conf) in front of three replicas', () => {
  let cluster: Cluster;
  let proxy: RunningProxy;
  const owner = new Session();
  const sockets: LiveSocket[] = [];
  let meeting: MeetingDto;

  beforeAll(async () => {
    cluster = await startCluster(3);
    proxy = await startProxy(cluster.urls);
    const me = await owner.call<MeDto>(proxy.url, 'POST', '/api/setup', {
      email: 'host@example.org',
      password: 'a long enough passphrase',
      displayName: 'Host',
      workspaceName: 'Proxy',
    });
    const workspaceId = me.memberships[0]!.workspaceId;
    meeting = await owner.call<MeetingDto>(proxy.url, 'POST', `/api/workspaces/${workspaceId}/meetings`, {
      title: 'Behind the proxy',
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await proxy?.stop();
    await cluster?.stop();
  });

  it('spreads WebSockets from one address over every replica', async () => {
    const ports = cluster.urls.map((url) => Number(new URL(url).port));
    const before = ports.map(connectionsTo);
    for (let i = 0; i < 30; i += 1) {
      const socket = await connectLive(proxy.url, { cookie: owner.cookie });
      sockets.push(socket);
      ok(await request(socket, 'meeting.join', { meetingId: meeting.id }));
    }
    const added = ports.map((port, i) => connectionsTo(port) - (before[i] ?? 0));
    // The least busy replica takes each new socket: about ten each (a keep-alive connection the
    // proxy reuses for an upgrade does not show as a new one).
    for (const n of added) expect(n).toBeGreaterThanOrEqual(5);
  });

  it('keeps a long-polling session on the replica that opened it, and upgrades it to a WebSocket', async () => {
    for (const transports of [['polling'], ['polling', 'websocket']]) {
      for (let i = 0; i < 5; i += 1) {
        const socket: LiveSocket = io(proxy.url, {
          path: '/socket.io',
          transports,
          upgrade: transports.includes('websocket'),
          reconnection: false,
          extraHeaders: { cookie: owner.cookie },
        });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('session.ready', () => resolve());
          socket.once('connect_error', reject);
        });
        if (transports.length > 1) {
          await until('the upgrade to a WebSocket', () => socket.io.engine.transport.name === 'websocket');
        }
        // Several requests of the session after the handshake, each answered by its replica.
        for (let j = 0; j < 3; j += 1) ok(await request(socket, 'meeting.join', { meetingId: meeting.id }));
        socket.close();
      }
    }
  });
});
