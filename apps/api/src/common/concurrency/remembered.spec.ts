import { Remembered } from './remembered';

describe('Remembered', () => {
  afterEach(() => jest.useRealTimers());

  it('shares one read per key until it expires, then reads again', async () => {
    jest.useFakeTimers({ now: 1_000 });
    const remembered = new Remembered<number>(500);
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    await expect(remembered.get('a', read)).resolves.toBe(1);
    await expect(remembered.get('a', read)).resolves.toBe(1);
    await expect(remembered.get('b', read)).resolves.toBe(2);
    jest.setSystemTime(1_500);
    await expect(remembered.get('a', read)).resolves.toBe(3);
  });

  it('does not remember a failed read, and forgets on demand', async () => {
    const remembered = new Remembered<string>(60_000);
    await expect(remembered.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(remembered.get('a', () => Promise.resolve('up'))).resolves.toBe('up');
    remembered.forget('a');
    await expect(remembered.get('a', () => Promise.resolve('changed'))).resolves.toBe('changed');
    remembered.forget();
    await expect(remembered.get('a', () => Promise.resolve('again'))).resolves.toBe('again');
  });
});
