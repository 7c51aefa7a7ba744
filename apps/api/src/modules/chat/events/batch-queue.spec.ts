import { BatchQueue } from './batch-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A batch handler that records its batches and finishes each when the test says so. */
function gatedHandler() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const handle = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
  };
  const openAll = async () => {
    while (gates.length > 0) {
      gates.splice(0).forEach((open) => open());
      await tick();
    }
  };
  return { batches, handle, openAll };
}

describe('BatchQueue', () => {
  it('handles a lone item at once, on its own', async () => {
    const { batches, handle, openAll } = gatedHandler();
    const queue = new BatchQueue(handle, { workers: 2, maxBatch: 10, onError: jest.fn() });
    queue.push([1]);
    await tick();
    expect(batches).toEqual([[1]]);
    await openAll();
    await queue.idle();
  });

  it('gives an idle worker all it may take, and batches what queues while it is busy', async () => {
    const { batches, handle, openAll } = gatedHandler();
    const queue = new BatchQueue(handle, { workers: 2, maxBatch: 3, onError: jest.fn() });
    queue.push([1, 2]);
    queue.push([3, 4]);
    await tick();
    // Less than a full batch waiting: it waits for the busy worker instead of taking a second.
    expect(batches).toEqual([[1, 2]]);
    expect(queue.pending).toBe(2);
    await openAll();
    await queue.idle();
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('starts more workers, up to its limit, for a backlog of full batches', async () => {
    const { batches, handle, openAll } = gatedHandler();
    const queue = new BatchQueue(handle, { workers: 2, maxBatch: 3, onError: jest.fn() });
    queue.push([1]);
    queue.push([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(queue.pending).toBe(7);
    await openAll();
    await queue.idle();
    expect(batches.slice(2)).toEqual([[5, 6, 7], [8, 9, 10], [11]]);
    expect(queue.pending).toBe(0);
  });

  it('reports a failed batch and goes on with the next', async () => {
    const onError = jest.fn();
    const seen: number[][] = [];
    const queue = new BatchQueue(
      async (items: number[]) => {
        seen.push(items);
        if (items.includes(1)) throw new Error('bad batch');
      },
      { workers: 1, maxBatch: 1, onError },
    );
    queue.push([1, 2]);
    await tick();
    await queue.idle();
    expect(seen).toEqual([[1], [2]]);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
