import { KeyedThrottle } from './keyed-throttle';

export interface KeyedBatchesOptions<T> {
  /** At most one batch per key per this many ms; the first item of a quiet key goes at once. */
  intervalMs: number;
  /** Hands a key's batch over, oldest item first. */
  flush: (key: string, items: T[]) => void;
  onError: (key: string, error: unknown) => void;
  /** Items kept per key, the oldest dropped first (all of them without). */
  max?: number;
}

/**
 * Items gathered per key (a workspace) and handed over together on a KeyedThrottle tick: how a burst
 * of changes becomes one socket push per tick instead of one each (every push crosses Redis to
 * every replica). An item added with the id of one still pending replaces it, in its place: a
 * redemption or a balance that changed twice within a tick is pushed once, as it is now.
 */
export class KeyedBatches<T> {
  private readonly pending = new Map<string, Map<string, T>>();
  private readonly ticks: KeyedThrottle;
  private serial = 0;
  private stopped = false;

  constructor(private readonly options: KeyedBatchesOptions<T>) {
    this.ticks = new KeyedThrottle(
      options.intervalMs,
      (key) => Promise.resolve(this.take(key)),
      options.onError,
    );
  }

  add(key: string, item: T, id = `#${(this.serial += 1)}`): void {
    if (this.stopped) return;
    let items = this.pending.get(key);
    if (!items) {
      items = new Map();
      this.pending.set(key, items);
    }
    items.set(id, item);
    // Items come one at a time: past `max` there is exactly one too many, the oldest.
    const { max } = this.options;
    if (max !== undefined && items.size > max) items.delete(items.keys().next().value as string);
    this.ticks.mark(key);
  }

  /** Drops what is pending and takes no more (shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.ticks.stop();
    this.pending.clear();
  }

  private take(key: string): void {
    const items = this.pending.get(key);
    this.pending.delete(key);
    if (items && items.size > 0) this.options.flush(key, [...items.values()]);
  }
}
