/** Writes many items in one go (one statement for a batch's chat replies). */
export interface BatchWriter<T> {
  write(items: T[]): Promise<void>;
}

/**
 * Writes the work of one batch (the chat events handled together) leaves for its end, where each
 * writer gets all of its items, in the order added, in one call. Items belong to an event: an
 * event that fails has its items dropped (its retry adds them again); a writer that fails fails
 * the events whose items it held. Lives as long as the batch, like SharedReads.
 */
export class BatchWrites {
  private readonly pending = new Map<BatchWriter<unknown>, { eventId: string; item: unknown }[]>();

  add<T>(writer: BatchWriter<T>, eventId: string, item: T): void {
    const items = this.pending.get(writer as BatchWriter<unknown>) ?? [];
    items.push({ eventId, item });
    this.pending.set(writer as BatchWriter<unknown>, items);
  }

  drop(eventId: string): void {
    for (const [writer, items] of this.pending) {
      this.pending.set(
        writer,
        items.filter((entry) => entry.eventId !== eventId),
      );
    }
  }

  /** Runs every writer once; the events whose items a failed writer held, with its error. */
  async flush(): Promise<Map<string, unknown>> {
    const failed = new Map<string, unknown>();
    for (const [writer, items] of this.pending) {
      if (items.length === 0) continue;
      try {
        await writer.write(items.map((entry) => entry.item));
      } catch (error) {
        for (const { eventId } of items) failed.set(eventId, error);
      }
    }
    this.pending.clear();
    return failed;
  }
}
