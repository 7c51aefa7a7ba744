import { BatchWrites, type BatchWriter } from './batch-writes';

function recorder(fail = false) {
  const calls: string[][] = [];
  const writer: BatchWriter<string> = {
    write: async (items) => {
      calls.push(items);
      if (fail) throw new Error('write failed');
    },
  };
  return { calls, writer };
}

describe('BatchWrites', () => {
  it('gives each writer all of its items, in order, in one call', async () => {
    const replies = recorder();
    const others = recorder();
    const writes = new BatchWrites();
    writes.add(replies.writer, 'e1', 'a');
    writes.add(others.writer, 'e1', 'x');
    writes.add(replies.writer, 'e2', 'b');
    expect(await writes.flush()).toEqual(new Map());
    expect(replies.calls).toEqual([['a', 'b']]);
    expect(others.calls).toEqual([['x']]);
    // Flushed once: nothing is written twice.
    await writes.flush();
    expect(replies.calls).toHaveLength(1);
  });

  it("drops a failed event's items, and fails the events of a writer that failed", async () => {
    const replies = recorder(true);
    const others = recorder();
    const writes = new BatchWrites();
    writes.add(replies.writer, 'e1', 'a');
    writes.add(replies.writer, 'e2', 'b');
    writes.add(others.writer, 'e3', 'x');
    writes.add(others.writer, 'e4', 'y');
    writes.drop('e4');
    const failed = await writes.flush();
    expect([...failed.keys()]).toEqual(['e1', 'e2']);
    expect(others.calls).toEqual([['x']]);
  });
});
