import { SharedReads, sharedRead } from './shared-reads';

describe('SharedReads', () => {
  it('reads a key once for the whole batch, and again after forget', async () => {
    const reads = new SharedReads();
    let count = 0;
    const read = () => Promise.resolve(++count);
    await expect(reads.get('a', read)).resolves.toBe(1);
    await expect(reads.get('a', read)).resolves.toBe(1);
    await expect(reads.get('b', read)).resolves.toBe(2);
    reads.forget('a');
    await expect(reads.get('a', read)).resolves.toBe(3);
  });

  it('does not keep a failed read', async () => {
    const reads = new SharedReads();
    await expect(reads.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(reads.get('a', () => Promise.resolve('up'))).resolves.toBe('up');
  });

  it('reads straight away outside a batch', async () => {
    let count = 0;
    const read = () => Promise.resolve(++count);
    await expect(sharedRead(undefined, 'a', read)).resolves.toBe(1);
    await expect(sharedRead(undefined, 'a', read)).resolves.toBe(2);
  });
});
