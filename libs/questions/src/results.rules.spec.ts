import type { MyAnswerDto, QaEntryDto } from '@podium/contracts';
import {
  buildResults,
  ratingStats,
  sortQaEntries,
  tallyChoices,
  wordFrequencies,
  type ResultAnswer,
} from './results.rules';
import { newPoll, newQa, newQuiz, newRating, newSlide, newWordCloud } from './test/question.factory';

const answer = (attendeeId: string, payload: MyAnswerDto, correct: boolean | null = null): ResultAnswer => ({
  attendeeId,
  payload,
  correct,
});

function qaEntry(overrides: Partial<QaEntryDto> & { id: string }): QaEntryDto {
  return {
    text: 'Why?',
    authorNickname: 'Ada',
    upvotes: 0,
    pinned: false,
    answered: false,
    hidden: false,
    createdAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('tallyChoices', () => {
  it('counts every choice, zero included, ignoring unknown ids and repeats', () => {
    expect(
      tallyChoices([{ id: 'a' }, { id: 'b' }, { id: 'c' }], [['a'], ['a', 'b'], ['gone'], ['b', 'b']]),
    ).toEqual({
      a: 2,
      b: 2,
      c: 0,
    });
  });
});

describe('ratingStats', () => {
  it('gives nulls and empty buckets without values', () => {
    const stats = ratingStats('stars5', []);
    expect(stats.mean).toBeNull();
    expect(stats.median).toBeNull();
    expect(stats.distribution).toEqual(['1', '2', '3', '4', '5'].map((label) => ({ label, count: 0 })));
  });

  it('computes mean (2 decimals), median and distribution for stars', () => {
    const stats = ratingStats('stars5', [5, 1, 4, 4, 4, 2]);
    expect(stats.mean).toBe(3.33);
    expect(stats.median).toBe(4);
    expect(stats.distribution.map((b) => b.count)).toEqual([1, 1, 0, 3, 1]);
  });

  it('takes the mean of the two middle values for an even count', () => {
    expect(ratingStats('ten', [1, 2, 9, 10]).median).toBe(5.5);
    expect(ratingStats('ten', [3, 8]).median).toBe(5.5);
  });

  it('takes the middle value for an odd count', () => {
    expect(ratingStats('ten', [10, 1, 7]).median).toBe(7);
  });

  it('buckets ten as 1..10', () => {
    expect(ratingStats('ten', [1, 10, 10]).distribution).toEqual([
      { label: '1', count: 1 },
      ...['2', '3', '4', '5', '6', '7', '8', '9'].map((label) => ({ label, count: 0 })),
      { label: '10', count: 2 },
    ]);
  });

  it('buckets slider100 per tenth, 100 in the last bucket', () => {
    const stats = ratingStats('slider100', [0, 9, 10, 55, 99, 100]);
    expect(stats.distribution.map((b) => b.label)).toEqual([
      '0-9',
      '10-19',
      '20-29',
      '30-39',
      '40-49',
      '50-59',
      '60-69',
      '70-79',
      '80-89',
      '90-100',
    ]);
    expect(stats.distribution.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(stats.mean).toBe(45.5);
    expect(stats.median).toBe(32.5);
  });

  it('ignores values outside the scale', () => {
    const stats = ratingStats('stars5', [0, 6, 3]);
    expect(stats.mean).toBe(3);
    expect(stats.distribution.reduce((n, b) => n + b.count, 0)).toBe(1);
  });
});

describe('wordFrequencies', () => {
  it('counts each attendee once per word, most frequent first, ties by text', () => {
    expect(wordFrequencies([['pear', 'apple'], ['apple', 'apple'], ['fig'], ['pear']], 10)).toEqual([
      { text: 'apple', count: 2 },
      { text: 'pear', count: 2 },
      { text: 'fig', count: 1 },
    ]);
  });

  it('keeps only the top words', () => {
    const lists = Array.from({ length: 150 }, (_, i) => [`w${String(i).padStart(3, '0')}`]);
    lists.push(['w149']);
    const top = wordFrequencies(lists, 100);
    expect(top).toHaveLength(100);
    expect(top[0]).toEqual({ text: 'w149', count: 2 });
    expect(top[1]).toEqual({ text: 'w000', count: 1 });
    expect(top[99]).toEqual({ text: 'w098', count: 1 });
  });
});

describe('sortQaEntries', () => {
  it('puts pinned first, then most upvoted, then oldest', () => {
    const entries = [
      qaEntry({ id: 'new-popular', upvotes: 5, createdAt: '2025-01-01T10:05:00.000Z' }),
      qaEntry({ id: 'old-popular', upvotes: 5, createdAt: '2025-01-01T10:01:00.000Z' }),
      qaEntry({ id: 'pinned-quiet', pinned: true, upvotes: 0 }),
      qaEntry({ id: 'quiet', upvotes: 1 }),
      qaEntry({ id: 'pinned-loud', pinned: true, upvotes: 9 }),
    ];
    expect(sortQaEntries(entries).map((e) => e.id)).toEqual([
      'pinned-loud',
      'pinned-quiet',
      'old-popular',
      'new-popular',
      'quiet',
    ]);
    expect(entries[0]?.id).toBe('new-popular');
  });
});

describe('buildResults', () => {
  it('gives slides nothing but their id', () => {
    expect(buildResults(newSlide(), [], [], true)).toEqual({ type: 'slide', questionId: 'q1' });
  });

  it('tallies polls, ignoring answers of another type', () => {
    const results = buildResults(
      newPoll({ multiple: true }),
      [
        answer('1', { type: 'poll', choiceIds: ['a', 'b'] }),
        answer('2', { type: 'poll', choiceIds: ['b'] }),
        answer('3', { type: 'rating', value: 3 }),
      ],
      [],
      false,
    );
    expect(results).toEqual({ type: 'poll', questionId: 'q1', answered: 2, counts: { a: 1, b: 2, c: 0 } });
  });

  describe('quizzes', () => {
    const answers = [
      answer('1', { type: 'quiz', choiceIds: ['a'] }, true),
      answer('2', { type: 'quiz', choiceIds: ['b'] }, false),
      answer('3', { type: 'quiz', choiceIds: ['a'] }, true),
    ];

    it('keeps the correct answer secret unless revealed', () => {
      expect(buildResults(newQuiz(), answers, [], false)).toEqual({
        type: 'quiz',
        questionId: 'q1',
        answered: 3,
        counts: { a: 2, b: 1, c: 0 },
        correctChoiceIds: null,
        correctCount: null,
      });
    });

    it('reveals correct choices and how many were right', () => {
      expect(buildResults(newQuiz(), answers, [], true)).toMatchObject({
        correctChoiceIds: ['a'],
        correctCount: 2,
      });
    });

    it('uses the stored verdict, judging only answers stored without one', () => {
      const mixed = [
        answer('1', { type: 'quiz', choiceIds: ['b'] }, true),
        answer('2', { type: 'quiz', choiceIds: ['a'] }, null),
        answer('3', { type: 'quiz', choiceIds: ['c'] }, null),
      ];
      expect(buildResults(newQuiz(), mixed, [], true)).toMatchObject({ correctCount: 2 });
    });
  });

  it('builds word clouds from attendees’ word lists', () => {
    const results = buildResults(
      newWordCloud(),
      [
        answer('1', { type: 'wordcloud', words: ['fun', 'fast'] }),
        answer('2', { type: 'wordcloud', words: ['fun'] }),
        answer('3', { type: 'wordcloud', words: [] }),
      ],
      [],
      false,
    );
    expect(results).toEqual({
      type: 'wordcloud',
      questionId: 'q1',
      answered: 2,
      words: [
        { text: 'fun', count: 2 },
        { text: 'fast', count: 1 },
      ],
    });
  });

  it('computes rating stats', () => {
    const results = buildResults(
      newRating({ scale: 'stars5' }),
      [answer('1', { type: 'rating', value: 5 }), answer('2', { type: 'rating', value: 4 })],
      [],
      false,
    );
    expect(results).toMatchObject({ type: 'rating', answered: 2, mean: 4.5, median: 4.5 });
  });

  it('lists Q&A entries in order', () => {
    const results = buildResults(
      newQa(),
      [],
      [qaEntry({ id: 'x', upvotes: 1 }), qaEntry({ id: 'y', upvotes: 3 })],
      false,
    );
    expect(results.type === 'qa' && results.entries.map((e) => e.id)).toEqual(['y', 'x']);
  });
});
