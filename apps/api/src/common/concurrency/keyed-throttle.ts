type Phase = 'scheduled' | 'running' | 'cooling';

/**
 * Runs `flush(key)` soon after `mark(key)`, then at most once per `intervalMs` for that key: marks
 * arriving while a flush runs or cools down collapse into one more flush at the end of the pause.
 * One timer per marked key (none for idle ones), so an idle server does no work at all.
 */
export class KeyedThrottle {
  private readonly phases = new Map<string, Phase>();
  private readonly pending = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Flushes under way: shutdown waits for them, so none queries a database being closed. */
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (key: string) => Promise<void>,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  mark(key: string): void {
    if (this.stopped) return;
    switch (this.phases.get(key)) {
      case 'scheduled':
        return;
      case 'running':
      case 'cooling':
        this.pending.add(key);
        return;
      case undefined:
        this.phases.set(key, 'scheduled');
        // A macrotask later, so the events of one request (a transition and its results) make one flush.
        this.after(key, 0, () => this.run(key));
    }
  }

  /** Drops a key's pending work (its meeting is gone). */
  forget(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.phases.delete(key);
    this.pending.delete(key);
  }

  /** Drops every pending flush, takes no more marks, and resolves once the running ones are done. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const key of [...this.phases.keys()]) this.forget(key);
    await Promise.allSettled([...this.running]);
  }

  private run(key: string): void {
    this.phases.set(key, 'running');
    const flushing = this.flush(key)
      .catch((error: unknown) => this.onError(key, error))
      .finally(() => {
        this.running.delete(flushing);
        if (!this.phases.has(key)) return; // forgotten meanwhile
        this.phases.set(key, 'cooling');
        this.after(key, this.intervalMs, () => {
          if (this.pending.delete(key)) this.run(key);
          else this.phases.delete(key);
        });
      });
    this.running.add(flushing);
  }

  private after(key: string, ms: number, work: () => void): void {
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        work();
      }, ms),
    );
  }
}
