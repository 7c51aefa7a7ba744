/**
 * Items handled in batches by at most `workers` batches at once, oldest first. An idle worker
 * takes everything queued (up to `maxBatch`): a lone item is handled at once on its own, and what
 * arrives while a batch is under way waits to go together, so the busier it gets, the fewer
 * statements per item (the way GroupCommit batches the writes). A second worker starts only for a
 * backlog of at least a full batch: started for every arrival, workers took a few items each and
 * paid a batch's shared reads for each few.
 */
export class BatchQueue<T> {
  private readonly queued: T[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly handleBatch: (items: T[]) => Promise<void>,
    private readonly options: { workers: number; maxBatch: number; onError: (error: unknown) => void },
  ) {}

  get pending(): number {
    return this.queued.length;
  }

  push(items: readonly T[]): void {
    this.queued.push(...items);
    while (this.running.size < this.options.workers && this.queued.length > 0) {
      if (this.running.size > 0 && this.queued.length < this.options.maxBatch) return;
      const worker = this.work().catch(this.options.onError);
      this.running.add(worker);
      void worker.finally(() => this.running.delete(worker));
    }
  }

  /** Resolves once every batch under way has finished (items still queued are left queued). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async work(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, this.options.maxBatch);
      try {
        await this.handleBatch(batch);
      } catch (error) {
        this.options.onError(error);
      }
    }
  }
}
