import type { PodiumSocket } from '@/shared/socket/socket.client';

type Listener = (payload: unknown) => void;

/** Just enough of the organizer socket: listeners to push to, and a count to check clean-up. */
export class FakeSocket {
  connected = true;
  listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    return this;
  }
  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  push(event: string, payload: unknown) {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
  asSocket(): PodiumSocket {
    return this as unknown as PodiumSocket;
  }
}
