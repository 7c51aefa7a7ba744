import { KeyedThrottle } from './keyed-throttle';

describe('KeyedThrottle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setUp() {
    const flushed: string[] = [];
    const errors: unknown[] = [];
    const throttle = new KeyedThrottle(
      150,
      async (key) => {
        flushed.push(key);
      },
      (_key, error) => errors.push(error),
    );
    return { throttle, flushed, errors };
  }

  it('flushes soon after the first mark, then at most once per interval however many marks come', async () => {
    const { throttle, flushed } = setUp();
    throttle.mark('m1');
    throttle.mark('m1');
    await jest.advanceTimersByTimeAsync(1);
    expect(flushed).toEqual(['m1']);

    for (let i = 0; i < 20; i++) {
      throttle.mark('m1');
      await jest.advanceTimersByTimeAsync(5);
    }
    // 100 ms of marks inside the 150 ms pause: nothing yet, then exactly one flush.
    expect(flushed).toEqual(['m1']);
    await jest.advanceTimersByTimeAsync(60);
    expect(flushed).toEqual(['m1', 'm1']);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(flushed).toEqual(['m1', 'm1']);
  });

  it('keeps keys apart and forgets a key on request', async () => {
    const { throttle, flushed } = setUp();
    throttle.mark('m1');
    throttle.mark('m2');
    throttle.mark('m3');
    throttle.forget('m3');
    await jest.advanceTimersByTimeAsync(1);
    expect(flushed.sort()).toEqual(['m1', 'm2']);
    await throttle.stop();
  });

  it('waits on stop for a flush under way, then takes no more marks', async () => {
    let finish!: () => void;
    const flushed: string[] = [];
    const throttle = new KeyedThrottle(
      150,
      (key) =>
        new Promise<void>((resolve) => {
          flushed.push(key);
          finish = resolve;
        }),
      () => undefined,
    );
    throttle.mark('m1');
    await jest.advanceTimersByTimeAsync(1);
    expect(flushed).toEqual(['m1']);
    let stopped = false;
    const stopping = throttle.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(1);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    throttle.mark('m2');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(flushed).toEqual(['m1']);
  });

  it('reports a failed flush and keeps working', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const throttle = new KeyedThrottle(
      150,
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
      },
      (_key, error) => errors.push(error),
    );
    throttle.mark('m1');
    await jest.advanceTimersByTimeAsync(1);
    expect(errors).toEqual([new Error('database down')]);
    await jest.advanceTimersByTimeAsync(200);
    throttle.mark('m1');
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
  });
});
