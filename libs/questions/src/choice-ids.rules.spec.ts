import { QuestionInputSchema } from '@podium/contracts';
import { fillChoiceIds } from './choice-ids.rules';

function counter(prefix = 'new'): () => string {
  let n = 0;
  return () => `${prefix}${(n += 1)}`;
}

describe('fillChoiceIds', () => {
  it('gives choices without an id a new one and keeps existing ids', () => {
    const input = QuestionInputSchema.parse({
      type: 'poll',
      title: 'Lunch?',
      choices: [{ id: 'keep', label: 'Pizza' }, { label: 'Sushi' }, { label: 'Salad' }],
    });
    const config = fillChoiceIds(input, counter());
    expect(config.choices?.map((c) => c.id)).toEqual(['keep', 'new1', 'new2']);
    expect(config).toMatchObject({ type: 'poll', title: 'Lunch?', multiple: false });
  });

  it('keeps quiz correctness flags', () => {
    const input = QuestionInputSchema.parse({
      type: 'quiz',
      title: '2 + 2',
      choices: [
        { label: '4', correct: true },
        { label: '5', correct: false },
      ],
    });
    expect(fillChoiceIds(input, counter()).choices).toEqual([
      { id: 'new1', label: '4', correct: true },
      { id: 'new2', label: '5', correct: false },
    ]);
  });

  it('never hands out an id already used in the question', () => {
    const input = QuestionInputSchema.parse({
      type: 'poll',
      title: 'Lunch?',
      choices: [{ id: 'new1', label: 'Pizza' }, { label: 'Sushi' }],
    });
    expect(fillChoiceIds(input, counter()).choices?.map((c) => c.id)).toEqual(['new1', 'new2']);
  });

  it('gives up when makeId keeps colliding or makes invalid ids', () => {
    const input = QuestionInputSchema.parse({
      type: 'poll',
      title: 'Lunch?',
      choices: [{ id: 'x', label: 'Pizza' }, { label: 'Sushi' }],
    });
    expect(() => fillChoiceIds(input, () => 'x')).toThrow(/taken/);
    expect(() => fillChoiceIds(input, () => 'not valid!')).toThrow(/invalid choice id/);
  });

  it('returns questions without choices unchanged', () => {
    const input = QuestionInputSchema.parse({ type: 'rating', title: 'How was it?' });
    const makeId = jest.fn(() => 'unused');
    expect(fillChoiceIds(input, makeId)).toEqual(input);
    expect(makeId).not.toHaveBeenCalled();
  });
});
