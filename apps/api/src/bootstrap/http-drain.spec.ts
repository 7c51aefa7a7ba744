import { Agent, createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InFlightRequests, stopListening } from './http-drain';

/** A server that holds every response until the test releases it. */
async function holdingServer() {
  const held: ServerResponse[] = [];
  const server: Server = createServer((_req, res) => held.push(res));
  const inFlight = new InFlightRequests(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const send = (path: string) =>
    new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      // A keep-alive client, as browsers and proxies are: only the drain makes it close.
      const agent = new Agent({ keepAlive: true });
      const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          agent.destroy();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        });
      });
      req.on('error', reject);
      req.end();
    });
  const arrived = async (n: number) => {
    while (held.length < n) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { server, inFlight, held, send, arrived };
}

describe('InFlightRequests', () => {
  it('resolves once the requests in flight are answered, telling their clients to close', async () => {
    const { server, inFlight, held, send, arrived } = await holdingServer();
    const response = send('/api/slow');
    await arrived(1);
    expect(inFlight.count).toBe(1);

    stopListening(server);
    let drained: boolean | undefined;
    const draining = inFlight.drain(5_000).then((result) => (drained = result));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBeUndefined();

    held[0]!.end('done');
    expect(await draining).toBe(true);
    expect(await response).toEqual({ status: 200, connection: 'close' });
    expect(server.listening).toBe(false);
  });

  it('gives up after the timeout and says so', async () => {
    const { server, inFlight, held, send, arrived } = await holdingServer();
    const response = send('/api/stuck');
    await arrived(1);
    expect(await inFlight.drain(50)).toBe(false);
    held[0]!.end();
    await response;
    server.close();
  });

  it('does not wait for Socket.IO long polls: their sockets are disconnected instead', async () => {
    const { server, inFlight, held, send, arrived } = await holdingServer();
    const poll = send('/socket.io/?EIO=4&transport=polling');
    await arrived(1);
    expect(inFlight.count).toBe(0);
    expect(await inFlight.drain(1_000)).toBe(true);
    held[0]!.end();
    await poll;
    server.close();
  });
});
