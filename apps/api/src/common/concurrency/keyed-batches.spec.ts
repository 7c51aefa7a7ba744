import { KeyedBatches } from './keyed-batches';

describe('KeyedBatches', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup(max?: number) {
    const flushed: [string, string[]][] = [];
    const batches = new KeyedBatches<string>({
      intervalMs: 100,
      flush: (key, items) => flushed.push([key, items]),
      onError: (_key, error) => {
        throw error;
      },
      max,
    });
    return { flushed, batches };
  }

  it('hands the first item over at once, then what arrives within the tick together, per key', async () => {
    const { flushed, batches } = setup();
    batches.add('w1', 'a');
    batches.add('w2', 'x');
    await jest.advanceTimersByTimeAsync(0);
    expect(flushed).toEqual([
      ['w1', ['a']],
      ['w2', ['x']],
    ]);
    batches.add('w1', 'b');
    batches.add('w1', 'c');
    await jest.advanceTimersByTimeAsync(50);
    expect(flushed).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(50);
    expect(flushed.at(-1)).toEqual(['w1', ['b', 'c']]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(flushed).toHaveLength(3);
  });

  it('keeps the latest item per id, in the place of the first', async () => {
    const { flushed, batches } = setup();
    batches.add('w1', 'r1 pending', 'r1');
    batches.add('w1', 'r2 pending', 'r2');
    batches.add('w1', 'r1 fulfilled', 'r1');
    await jest.advanceTimersByTimeAsync(0);
    expect(flushed).toEqual([['w1', ['r1 fulfilled', 'r2 pending']]]);
  });

  it('keeps the newest `max` items of a key', async () => {
    const { flushed, batches } = setup(2);
    for (const item of ['a', 'b', 'c', 'd']) batches.add('w1', item);
    await jest.advanceTimersByTimeAsync(0);
    expect(flushed).toEqual([['w1', ['c', 'd']]]);
  });

  it('hands nothing over after stop', async () => {
    const { flushed, batches } = setup();
    batches.add('w1', 'a');
    await batches.stop();
    batches.add('w1', 'b');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(flushed).toEqual([]);
  });
});
