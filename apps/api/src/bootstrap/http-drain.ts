import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { SOCKET_PATH } from '@podium/contracts';

/**
 * The HTTP requests between their arrival and the end of their response, so a shutdown can let
 * them finish before the database and Redis go away. Socket.IO's long polls are not counted: the
 * drain disconnects their sockets instead of waiting out a 25-second poll.
 */
export class InFlightRequests {
  private readonly open = new Set<ServerResponse>();
  private readonly waiters = new Set<() => void>();
  private draining = false;

  constructor(server: Server) {
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (request.url?.startsWith(`${SOCKET_PATH}/`)) return;
      this.open.add(response);
      if (this.draining) response.shouldKeepAlive = false;
      response.once('close', () => {
        this.open.delete(response);
        if (this.open.size === 0) for (const wake of this.waiters) wake();
      });
    });
  }

  get count(): number {
    return this.open.size;
  }

  /**
   * From now on every response closes its connection (keep-alive would hold a client on a
   * server that is going); resolves true once none is open, false after `timeoutMs`.
   */
  drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    for (const response of this.open) if (!response.headersSent) response.shouldKeepAlive = false;
    if (this.open.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (drained: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(drained);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(wake);
    });
  }
}

/**
 * Stops accepting connections (a proxy then sends new ones to the other replicas) and closes the
 * idle keep-alive ones; connections with a request in flight stay open until it is answered.
 */
export function stopListening(server: Server): void {
  if (!server.listening) return;
  server.close();
  server.closeIdleConnections();
}
