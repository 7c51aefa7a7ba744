import { GroupCommit } from './group-commit';

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
