import { GroupCommit, KeyedGroupCommit } from './group-commit';

/** A batch writer that records its batches and finishes each when the test says so. */
function gatedWriter(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.some(fail)) throw new Error(`bad item in ${items.join(',')}`);
    return items.map((item) => item * 10);
  };
  const openNext = async () => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  };
  return { batches, write, openNext };
}

describe('GroupCommit', () => {
  it('writes a lone item at once, and what arrives meanwhile in the next batch together', async () => {
    const writer = gatedWriter();
    const group = new GroupCommit(writer.write, 3);
    const first = group.submit(1);
    const rest = [2, 3, 4, 5].map((item) => group.submit(item));
    await writer.openNext();
    await writer.openNext();
    await writer.openNext();
    await expect(Promise.all([first, ...rest])).resolves.toEqual([10, 20, 30, 40, 50]);
    // The first alone; then at most 3 per batch, in order.
    expect(writer.batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('writes a failed batch again item by item, so only the bad item fails', async () => {
    const writer = gatedWriter((item) => item === 3);
    const group = new GroupCommit(writer.write, 10);
    const first = group.submit(1);
    const results = [2, 3, 4].map((item) => group.submit(item).then(String, (error: Error) => error.message));
    for (let i = 0; i < 5; i += 1) await writer.openNext();
    await expect(first).resolves.toBe(10);
    await expect(Promise.all(results)).resolves.toEqual(['20', 'bad item in 3', '40']);
    expect(writer.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});

describe('KeyedGroupCommit', () => {
  it('batches per key: one key waiting on its batch does not hold back another key', async () => {
    const batches: string[] = [];
    const gates = new Map<string, () => void>();
    const keyed = new KeyedGroupCommit<number, number>(async (key, items) => {
      batches.push(`${key}:${items.join(',')}`);
      if (key === 'slow') await new Promise<void>((resolve) => gates.set(key, resolve));
      return items.map((item) => item * 10);
    }, 10);
    const slow = [keyed.submit('slow', 1), keyed.submit('slow', 2), keyed.submit('slow', 3)];
    // The fast key is written while the slow key's first batch still waits.
    await expect(Promise.all([keyed.submit('fast', 4), keyed.submit('fast', 5)])).resolves.toEqual([40, 50]);
    while (!gates.has('slow')) await new Promise((resolve) => setImmediate(resolve));
    gates.get('slow')?.();
    gates.delete('slow');
    while (!gates.has('slow')) await new Promise((resolve) => setImmediate(resolve));
    gates.get('slow')?.();
    await expect(Promise.all(slow)).resolves.toEqual([10, 20, 30]);
    expect(batches).toEqual(['slow:1', 'fast:4', 'fast:5', 'slow:2,3']);
  });

  it('fails only the caller whose item fails', async () => {
    const keyed = new KeyedGroupCommit<number, number>((_, items) => {
      if (items.includes(2)) return Promise.reject(new Error('bad item'));
      return Promise.resolve(items);
    }, 10);
    const results = await Promise.allSettled([1, 2, 3].map((item) => keyed.submit('k', item)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
