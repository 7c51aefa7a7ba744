import { QUESTION_TYPES, type AnswerInput, type MyAnswerDto, type QuestionDto } from '@podium/contracts';
import { acceptAnswer, isCorrectQuizAnswer, RATING_RANGES } from './answer.rules';
import { isAnswerable } from './question-types';
import { newPoll, newQa, newQuiz, newRating, newSlide, newWordCloud } from './test/question.factory';
import { ruleError } from './test/rule-error';

describe('acceptAnswer', () => {
  describe('type checks', () => {
    it('refuses answers to slides and Q&A', () => {
      expect(ruleError(() => acceptAnswer(newSlide(), { type: 'poll', choiceIds: ['a'] }, null)).code).toBe(
        'answer.not_answerable',
      );
      expect(ruleError(() => acceptAnswer(newQa(), { type: 'wordcloud', word: 'hi' }, null)).code).toBe(
        'answer.not_answerable',
      );
    });

    it.each<[string, QuestionDto, AnswerInput]>([
      ['poll', newPoll(), { type: 'quiz', choiceIds: ['a'] }],
      ['quiz', newQuiz(), { type: 'poll', choiceIds: ['a'] }],
      ['wordcloud', newWordCloud(), { type: 'rating', value: 3 }],
      ['rating', newRating(), { type: 'wordcloud', word: 'hi' }],
    ])('refuses another type of answer to a %s', (_type, question, input) => {
      expect(ruleError(() => acceptAnswer(question, input, null)).code).toBe('answer.wrong_type');
    });
  });

  describe('polls', () => {
    it('accepts one known choice', () => {
      expect(acceptAnswer(newPoll(), { type: 'poll', choiceIds: ['b'] }, null)).toEqual({
        answer: { type: 'poll', choiceIds: ['b'] },
        correct: null,
      });
    });

    it('refuses unknown choices', () => {
      const error = ruleError(() => acceptAnswer(newPoll(), { type: 'poll', choiceIds: ['zz'] }, null));
      expect(error.code).toBe('answer.unknown_choice');
      expect(error.field).toBe('choiceIds');
    });

    it('refuses an empty selection', () => {
      expect(ruleError(() => acceptAnswer(newPoll(), { type: 'poll', choiceIds: [] }, null)).code).toBe(
        'answer.unknown_choice',
      );
    });

    it('refuses two choices on a single-choice poll but accepts a repeated one', () => {
      expect(
        ruleError(() => acceptAnswer(newPoll(), { type: 'poll', choiceIds: ['a', 'b'] }, null)).code,
      ).toBe('answer.single_choice');
      expect(acceptAnswer(newPoll(), { type: 'poll', choiceIds: ['a', 'a'] }, null).answer).toEqual({
        type: 'poll',
        choiceIds: ['a'],
      });
    });

    it('stores multiple choices in the question order, without duplicates', () => {
      const poll = newPoll({ multiple: true });
      expect(acceptAnswer(poll, { type: 'poll', choiceIds: ['c', 'a', 'c'] }, null).answer).toEqual({
        type: 'poll',
        choiceIds: ['a', 'c'],
      });
    });

    it('accepts a change when changes are allowed', () => {
      const previous: MyAnswerDto = { type: 'poll', choiceIds: ['a'] };
      expect(acceptAnswer(newPoll(), { type: 'poll', choiceIds: ['b'] }, previous).answer).toEqual({
        type: 'poll',
        choiceIds: ['b'],
      });
    });

    it('refuses any second answer when changes are not allowed, even the same one', () => {
      const poll = newPoll({ allowAnswerChange: false });
      const previous: MyAnswerDto = { type: 'poll', choiceIds: ['a'] };
      expect(ruleError(() => acceptAnswer(poll, { type: 'poll', choiceIds: ['b'] }, previous)).code).toBe(
        'answer.already_answered',
      );
      expect(ruleError(() => acceptAnswer(poll, { type: 'poll', choiceIds: ['a'] }, previous)).code).toBe(
        'answer.already_answered',
      );
      expect(acceptAnswer(poll, { type: 'poll', choiceIds: ['a'] }, null).answer).toEqual(previous);
    });
  });

  describe('quizzes', () => {
    it('judges the answer', () => {
      expect(acceptAnswer(newQuiz(), { type: 'quiz', choiceIds: ['a'] }, null)).toEqual({
        answer: { type: 'quiz', choiceIds: ['a'] },
        correct: true,
      });
      expect(acceptAnswer(newQuiz(), { type: 'quiz', choiceIds: ['b'] }, null).correct).toBe(false);
    });

    it('refuses a change by default', () => {
      const previous: MyAnswerDto = { type: 'quiz', choiceIds: ['b'] };
      expect(
        ruleError(() => acceptAnswer(newQuiz(), { type: 'quiz', choiceIds: ['a'] }, previous)).code,
      ).toBe('answer.already_answered');
    });

    it('accepts a change when allowed and judges the new answer', () => {
      const quiz = newQuiz({ allowAnswerChange: true });
      const previous: MyAnswerDto = { type: 'quiz', choiceIds: ['b'] };
      expect(acceptAnswer(quiz, { type: 'quiz', choiceIds: ['a'] }, previous).correct).toBe(true);
    });

    it('refuses two choices on a single-selection quiz and unknown choices', () => {
      expect(
        ruleError(() => acceptAnswer(newQuiz(), { type: 'quiz', choiceIds: ['a', 'b'] }, null)).code,
      ).toBe('answer.single_choice');
      expect(ruleError(() => acceptAnswer(newQuiz(), { type: 'quiz', choiceIds: ['nope'] }, null)).code).toBe(
        'answer.unknown_choice',
      );
    });
  });

  describe('word clouds', () => {
    it('normalizes the word and starts the list', () => {
      expect(acceptAnswer(newWordCloud(), { type: 'wordcloud', word: '  Hello   World ' }, null)).toEqual({
        answer: { type: 'wordcloud', words: ['hello world'] },
        correct: null,
      });
    });

    it('adds to the previous words (additive, never a change)', () => {
      const previous: MyAnswerDto = { type: 'wordcloud', words: ['one', 'two'] };
      expect(acceptAnswer(newWordCloud(), { type: 'wordcloud', word: 'Three' }, previous).answer).toEqual({
        type: 'wordcloud',
        words: ['one', 'two', 'three'],
      });
    });

    it('refuses an empty or too long word', () => {
      const cloud = newWordCloud({ maxWordLength: 5 });
      expect(ruleError(() => acceptAnswer(cloud, { type: 'wordcloud', word: '   ' }, null)).code).toBe(
        'answer.empty_word',
      );
      expect(ruleError(() => acceptAnswer(cloud, { type: 'wordcloud', word: 'sixsix' }, null)).code).toBe(
        'answer.word_too_long',
      );
      expect(acceptAnswer(cloud, { type: 'wordcloud', word: ' fives ' }, null).answer).toEqual({
        type: 'wordcloud',
        words: ['fives'],
      });
    });

    it('refuses banned words, alone or as a token', () => {
      const cloud = newWordCloud({ bannedWords: ['Darn'] });
      expect(ruleError(() => acceptAnswer(cloud, { type: 'wordcloud', word: 'DARN' }, null)).code).toBe(
        'answer.banned_word',
      );
      expect(ruleError(() => acceptAnswer(cloud, { type: 'wordcloud', word: 'darn it' }, null)).code).toBe(
        'answer.banned_word',
      );
      expect(acceptAnswer(cloud, { type: 'wordcloud', word: 'darnation' }, null).answer).toEqual({
        type: 'wordcloud',
        words: ['darnation'],
      });
    });

    it('refuses a duplicate of the attendee’s own word, after normalizing', () => {
      const previous: MyAnswerDto = { type: 'wordcloud', words: ['hello'] };
      expect(
        ruleError(() => acceptAnswer(newWordCloud(), { type: 'wordcloud', word: ' HELLO ' }, previous)).code,
      ).toBe('answer.duplicate_word');
    });

    it('refuses words past the attendee’s maximum', () => {
      const cloud = newWordCloud({ maxWordsPerAttendee: 2 });
      const one: MyAnswerDto = { type: 'wordcloud', words: ['one'] };
      const two = acceptAnswer(cloud, { type: 'wordcloud', word: 'two' }, one).answer;
      expect(two).toEqual({ type: 'wordcloud', words: ['one', 'two'] });
      const error = ruleError(() => acceptAnswer(cloud, { type: 'wordcloud', word: 'three' }, two));
      expect(error.code).toBe('answer.too_many_words');
      expect(error.message).toContain('2');
    });
  });

  describe('ratings', () => {
    it.each([
      ['stars5', 1, 5],
      ['ten', 1, 10],
      ['slider100', 0, 100],
    ] as const)('accepts %s values from %i to %i and nothing outside', (scale, min, max) => {
      const rating = newRating({ scale });
      expect(RATING_RANGES[scale]).toEqual({ min, max });
      for (const value of [min, max]) {
        expect(acceptAnswer(rating, { type: 'rating', value }, null)).toEqual({
          answer: { type: 'rating', value },
          correct: null,
        });
      }
      for (const value of [min - 1, max + 1, min + 0.5]) {
        const error = ruleError(() => acceptAnswer(rating, { type: 'rating', value }, null));
        expect(error.code).toBe('answer.out_of_range');
        expect(error.field).toBe('value');
      }
    });

    it('accepts a change only when allowed', () => {
      const previous: MyAnswerDto = { type: 'rating', value: 2 };
      expect(acceptAnswer(newRating(), { type: 'rating', value: 4 }, previous).answer).toEqual({
        type: 'rating',
        value: 4,
      });
      expect(
        ruleError(() =>
          acceptAnswer(newRating({ allowAnswerChange: false }), { type: 'rating', value: 4 }, previous),
        ).code,
      ).toBe('answer.already_answered');
    });
  });
});

describe('isCorrectQuizAnswer', () => {
  const twoCorrect = newQuiz({
    choices: [
      { id: 'a', label: 'A', correct: true },
      { id: 'b', label: 'B', correct: true },
      { id: 'c', label: 'C', correct: false },
    ],
  });

  it('single selection: any correct choice is correct', () => {
    expect(isCorrectQuizAnswer(twoCorrect, ['a'])).toBe(true);
    expect(isCorrectQuizAnswer(twoCorrect, ['b'])).toBe(true);
    expect(isCorrectQuizAnswer(twoCorrect, ['c'])).toBe(false);
    expect(isCorrectQuizAnswer(twoCorrect, ['a', 'b'])).toBe(false);
    expect(isCorrectQuizAnswer(twoCorrect, [])).toBe(false);
  });

  it('multiple selection: exactly the set of correct choices', () => {
    const multiple = { ...twoCorrect, multiple: true };
    expect(isCorrectQuizAnswer(multiple, ['a', 'b'])).toBe(true);
    expect(isCorrectQuizAnswer(multiple, ['b', 'a', 'a'])).toBe(true);
    expect(isCorrectQuizAnswer(multiple, ['a'])).toBe(false);
    expect(isCorrectQuizAnswer(multiple, ['a', 'b', 'c'])).toBe(false);
    expect(isCorrectQuizAnswer(multiple, ['c'])).toBe(false);
  });

  it('is never correct when the question carries no correct flags (attendee-side DTO)', () => {
    const stripped = newQuiz({
      choices: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    });
    expect(isCorrectQuizAnswer(stripped, ['a'])).toBe(false);
  });
});

describe('isAnswerable', () => {
  it('is true for the types answer.submit takes', () => {
    expect(QUESTION_TYPES.filter((type) => isAnswerable(type))).toEqual([
      'poll',
      'quiz',
      'wordcloud',
      'rating',
    ]);
  });
});
