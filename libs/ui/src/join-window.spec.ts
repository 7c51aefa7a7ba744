import { createJoinWindow } from './join-window';

describe('createJoinWindow', () => {
  it('applies a push at once and, while a join is in flight, again after the snapshot', () => {
    const joins = createJoinWindow();
    const applied: string[] = [];
    joins.open();
    joins.push(() => applied.push('state 4'));
    joins.push(() => applied.push('results 4'));
    expect(applied).toEqual(['state 4', 'results 4']);
    expect(joins.close()).toBe(false);
    expect(applied).toEqual(['state 4', 'results 4', 'state 4', 'results 4']);
  });

  it('keeps nothing when no join is in flight, nor after one was answered or given up', () => {
    const joins = createJoinWindow();
    let count = 0;
    joins.push(() => (count += 1));
    joins.open();
    joins.close();
    joins.push(() => (count += 1));
    joins.open();
    joins.cancel();
    joins.push(() => (count += 1));
    expect(joins.close()).toBe(false);
    expect(count).toBe(3);
  });

  it('a retry of the join keeps the pushes since the first try', () => {
    const joins = createJoinWindow();
    const applied: number[] = [];
    joins.open();
    joins.push(() => applied.push(1));
    joins.open();
    joins.push(() => applied.push(2));
    joins.close();
    expect(applied).toEqual([1, 2, 1, 2]);
  });

  it('a push applied again that asks for a new join opens a joins of its own', () => {
    const joins = createJoinWindow();
    const applied: string[] = [];
    joins.open();
    joins.push(() => {
      applied.push('gap');
      joins.open();
    });
    joins.close();
    joins.push(() => applied.push('after'));
    joins.close();
    expect(applied).toEqual(['gap', 'gap', 'after', 'after']);
  });

  it('past its limit it keeps the first pushes and tells the caller to join again', () => {
    const joins = createJoinWindow(2);
    let count = 0;
    joins.open();
    for (let i = 0; i < 3; i += 1) joins.push(() => (count += 1));
    expect(joins.close()).toBe(true);
    expect(count).toBe(5);
    joins.open();
    expect(joins.close()).toBe(false);
  });
});
