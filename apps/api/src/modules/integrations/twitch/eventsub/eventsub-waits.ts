/**
 * Waiting for twurple's subscription events (created, verified, deleted), which it emits without
 * a promise to await. Each wait ends at the event or after `timeoutMs`, whichever comes first.
 */
export class EventSubWaits {
  private readonly waiting = new Map<string, () => void>();

  constructor(readonly timeoutMs: number) {}

  for(twurpleId: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.timeoutMs);
      timer.unref();
      const waiting = this.waiting;
      function done() {
        clearTimeout(timer);
        if (waiting.get(twurpleId) === done) waiting.delete(twurpleId);
        resolve();
      }
      this.waiting.set(twurpleId, done);
    });
  }

  /** The event for this subscription happened. */
  end(twurpleId: string): void {
    this.waiting.get(twurpleId)?.();
  }
}
