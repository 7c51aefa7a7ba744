/**
 * Reads remembered per key for a short time, for lookups on a hot path (every chat message, every
 * redeem): callers within `ttlMs` share one read, a failed read is not remembered, and `forget`
 * drops a key (or every key) when the source changes on this process. Other processes see a change
 * within `ttlMs`.
 */
export class Remembered<V> {
  private readonly entries = new Map<string, { until: number; value: Promise<V> }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, read: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.until > now) return entry.value;
    const value = read();
    this.entries.set(key, { until: now + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  forget(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
