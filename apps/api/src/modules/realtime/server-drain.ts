import { Injectable } from '@nestjs/common';

/**
 * Whether this process is draining (SIGTERM): its sockets are being sent elsewhere. Gateways read
 * it so a drain's disconnects are not mistaken for users leaving (a dashboard tab keeps control
 * for its reconnect on another replica).
 */
@Injectable()
export class ServerDrain {
  private started = false;

  get draining(): boolean {
    return this.started;
  }

  start(): void {
    this.started = true;
  }
}
