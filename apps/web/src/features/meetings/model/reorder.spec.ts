import type { QuestionDto } from '@podium/contracts';
import { moveId, orderBy, withQuestion } from './reorder';

const question = (id: string, position: number): QuestionDto => ({
  id,
  meetingId: 'm1',
  position,
  title: id,
  closedAt: null,
  type: 'qa',
  timeLimitSeconds: null,
});

describe('moveId', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('moves down and up onto the target place, keeping every id once', () => {
    expect(moveId(ids, 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(moveId(ids, 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(moveId(ids, 'b', 'd')).toEqual(['a', 'c', 'd', 'b']);
  });

  it('is null when nothing moves (dropped on itself, outside, or unknown ids)', () => {
    expect(moveId(ids, 'b', 'b')).toBeNull();
    expect(moveId(ids, 'b', null)).toBeNull();
    expect(moveId(ids, 'x', 'a')).toBeNull();
    expect(moveId(ids, 'a', 'x')).toBeNull();
  });

  it('does not change the list it was given', () => {
    const original = [...ids];
    moveId(ids, 'a', 'd');
    expect(ids).toEqual(original);
  });
});

describe('orderBy', () => {
  it('puts items in the order of the ids, unknown ones last in their order', () => {
    const items = [question('a', 0), question('b', 1), question('c', 2), question('z', 3)];
    expect(orderBy(items, ['c', 'a', 'b']).map((q) => q.id)).toEqual(['c', 'a', 'b', 'z']);
  });
});

describe('withQuestion', () => {
  const list = [question('a', 0), question('b', 1), question('c', 2)];

  it('replaces a question it already has, in place', () => {
    const renamed = { ...question('b', 1), title: 'B!' };
    expect(withQuestion(list, renamed).map((q) => q.title)).toEqual(['a', 'B!', 'c']);
  });

  it('inserts a new one at its position and renumbers the rest (a duplicate lands after its source)', () => {
    const copy = question('b2', 2);
    const next = withQuestion(list, copy);
    expect(next.map((q) => [q.id, q.position])).toEqual([
      ['a', 0],
      ['b', 1],
      ['b2', 2],
      ['c', 3],
    ]);
  });

  it('appends when the position is past the end', () => {
    expect(withQuestion(list, question('d', 9)).map((q) => q.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
