import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * How the proxy picks a backend for each new connection: `round-robin` spreads them as nginx does
 * in docker/nginx.conf; `first-alive` sends all to the first backend that accepts, as a health-
 * checked load balancer with a primary would. Either way a backend that refuses is skipped.
 */
export type ProxyMode = 'round-robin' | 'first-alive';

/**
 * A tiny TCP proxy standing in for the production one in front of the replicas: clients know one
 * address, a dead or draining replica (connection refused) is skipped, and when a backend's side of
 * a connection dies the client's side is closed too, so the client reconnects, through the proxy, to
 * a replica still alive. TCP, not HTTP: WebSocket upgrades and long polls pass through untouched.
 */
export class TcpProxy {
  private next = 0;
  private readonly open: Set<Socket>[];

  private constructor(
    private readonly server: Server,
    private readonly backends: readonly number[],
    private readonly mode: ProxyMode,
    readonly url: string,
  ) {
    this.open = backends.map(() => new Set<Socket>());
  }

  /** Listens on a free port of 127.0.0.1 in front of `backendUrls` (`http://host:port`). */
  static async start(backendUrls: readonly string[], mode: ProxyMode = 'round-robin'): Promise<TcpProxy> {
    const ports = backendUrls.map((url) => Number(new URL(url).port));
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as { port: number };
    const proxy = new TcpProxy(server, ports, mode, `http://127.0.0.1:${port}`);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  /** Client connections open right now on each backend (by index). */
  openConnections(): number[] {
    return this.open.map((set) => set.size);
  }

  async close(): Promise<void> {
    for (const set of this.open) for (const socket of set) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.pause();
    client.on('error', () => client.destroy());
    const first = this.mode === 'round-robin' ? this.next++ % this.backends.length : 0;
    this.tryBackend(client, first, 0);
  }

  private tryBackend(client: Socket, index: number, tried: number): void {
    if (tried === this.backends.length || client.destroyed) {
      client.destroy();
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: this.backends[index]! });
    const skip = () => {
      upstream.destroy();
      this.tryBackend(client, (index + 1) % this.backends.length, tried + 1);
    };
    upstream.once('error', skip);
    upstream.once('connect', () => {
      upstream.off('error', skip);
      const open = this.open[index]!;
      open.add(client);
      // Either side gone ends both: a killed replica's clients see their connection close.
      const end = () => {
        open.delete(client);
        client.destroy();
        upstream.destroy();
      };
      upstream.on('error', end).on('close', end);
      client.on('close', end);
      upstream.pipe(client);
      client.pipe(upstream);
      client.resume();
    });
  }
}
