import { Remembered } from './remembered';

/**
 * Reads shared by the work of one batch (the chat events handled together): the first caller of a
 * key reads, the others in the batch get the same answer, as if they had all run at that moment.
 * A failed read is not kept; `forget` drops a key that the batch's own work just changed. Lives
 * only as long as the batch, so nothing goes stale beyond it.
 */
export class SharedReads {
  // A Remembered that never expires: the batch's end is what ends it.
  private readonly values = new Remembered<unknown>(Number.POSITIVE_INFINITY);

  get<V>(key: string, read: () => Promise<V>): Promise<V> {
    return this.values.get(key, read) as Promise<V>;
  }

  forget(key: string): void {
    this.values.forget(key);
  }
}

/** Reads through `reads` when the work is part of a batch, straight away when it is not. */
export function sharedRead<V>(
  reads: SharedReads | undefined,
  key: string,
  read: () => Promise<V>,
): Promise<V> {
  return reads ? reads.get(key, read) : read();
}
