interface Waiting<I, O> {
  item: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a batch is being written wait and go together in the next
 * one, so a burst of webhooks pays one transaction (and one WAL flush) per batch instead of one per
 * delivery, while a lone item is written at once. One batch at a time per instance. When a batch
 * fails, its items are written again one by one, so a bad item fails only its own caller.
 * (Chat ingest batches webhooks; redeems batch a workspace's concurrent redeems.)
 */
export class GroupCommit<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private writing = false;

  constructor(
    private readonly writeBatch: (items: I[]) => Promise<O[]>,
    private readonly maxBatch: number,
  ) {}

  /** Nothing waiting and no batch being written (a keyed owner may drop this instance). */
  get idle(): boolean {
    return !this.writing && this.waiting.length === 0;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const outputs = await this.writeBatch(batch.map((waiting) => waiting.item));
          batch.forEach((waiting, i) => waiting.resolve(outputs[i] as O));
        } catch (error) {
          if (batch.length === 1) {
            batch[0]?.reject(error);
            continue;
          }
          for (const waiting of batch) {
            await this.writeBatch([waiting.item]).then(
              ([output]) => waiting.resolve(output as O),
              (single: unknown) => waiting.reject(single),
            );
          }
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

/**
 * One GroupCommit per key (a workspace): batches of different keys are written side by side, and
 * a key's GroupCommit is dropped once it is idle, so idle keys cost nothing.
 */
export class KeyedGroupCommit<I, O> {
  private readonly groups = new Map<string, GroupCommit<I, O>>();

  constructor(
    private readonly writeBatch: (key: string, items: I[]) => Promise<O[]>,
    private readonly maxBatch: number,
  ) {}

  async submit(key: string, item: I): Promise<O> {
    let group = this.groups.get(key);
    if (!group) {
      group = new GroupCommit((items) => this.writeBatch(key, items), this.maxBatch);
      this.groups.set(key, group);
    }
    try {
      return await group.submit(item);
    } finally {
      if (group.idle && this.groups.get(key) === group) this.groups.delete(key);
    }
  }
}
