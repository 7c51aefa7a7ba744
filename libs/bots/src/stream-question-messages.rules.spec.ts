import type { QuestionDto } from '@podium/contracts';
import { questionClosedMessage, questionOpenedMessage } from './stream-question-messages.rules';

const base = { id: 'q1', meetingId: 'm1', position: 1, title: 'Best fruit?', closedAt: null };
const fruit = [
  { id: 'a', label: 'Apple' },
  { id: 'p', label: 'Pear' },
  { id: 'l', label: 'Plum' },
  { id: 'k', label: 'Kiwi' },
];
const poll: QuestionDto = {
  ...base,
  type: 'poll',
  choices: fruit,
  multiple: false,
  hideResultsUntilClosed: false,
  allowAnswerChange: true,
  timeLimitSeconds: null,
};
const quiz: QuestionDto = {
  ...base,
  type: 'quiz',
  choices: fruit.map((c) => ({ ...c, correct: c.id === 'p' })),
  multiple: false,
  scoring: 'standard',
  speedMaxPoints: 1_000,
  allowAnswerChange: false,
  timeLimitSeconds: null,
};
const cloud: QuestionDto = {
  ...base,
  type: 'wordcloud',
  maxWordsPerAttendee: 3,
  maxWordLength: 25,
  bannedWords: [],
  timeLimitSeconds: null,
};
const rating: QuestionDto = {
  ...base,
  type: 'rating',
  scale: 'stars5',
  hideResultsUntilClosed: false,
  allowAnswerChange: true,
  timeLimitSeconds: null,
};
const all = { announceClose: true, announceResults: true };

describe('questionOpenedMessage', () => {
  it('numbers the question, lists the choices and says how to answer with the workspace prefix', () => {
    expect(questionOpenedMessage(poll, { prefix: '!', wordCloud: 'command' })).toBe(
      'Question 2: Best fruit? 1) Apple 2) Pear 3) Plum 4) Kiwi — Answer with 1–4 (or !vote 2)',
    );
    expect(
      questionOpenedMessage({ ...quiz, multiple: true }, { prefix: '#', wordCloud: 'command' }),
    ).toContain('Answer with one or more of 1–4 (like 1 3, or #vote 1 3)');
  });

  it('explains ratings and word clouds by their own rules', () => {
    expect(questionOpenedMessage(rating, { prefix: '!', wordCloud: 'command' })).toBe(
      'Question 2: Best fruit? — Rate it 1–5 (or !vote 5)',
    );
    expect(questionOpenedMessage(cloud, { prefix: '!', wordCloud: 'command' })).toBe(
      'Question 2: Best fruit? — Send a word with !wc <word>',
    );
    expect(questionOpenedMessage(cloud, { prefix: '!', wordCloud: 'any_short' })).toBe(
      'Question 2: Best fruit? — Send a word (or !wc <word>)',
    );
  });

  it('says nothing for slides and Q&A', () => {
    const slide: QuestionDto = { ...base, type: 'slide', body: '', imageUrl: null };
    expect(questionOpenedMessage(slide, { prefix: '!', wordCloud: 'command' })).toBeNull();
  });
});

describe('questionClosedMessage', () => {
  it('gives a poll its top three choices with percentages of those who answered', () => {
    const results = {
      type: 'poll' as const,
      questionId: 'q1',
      answered: 10,
      counts: { a: 2, p: 5, l: 0, k: 3 },
    };
    expect(questionClosedMessage(poll, results, all)).toBe(
      'Question 2 is closed. Results: Pear 50%, Kiwi 30%, Apple 20% (10 answers)',
    );
  });

  it('gives a quiz its correct answer and how many got it right', () => {
    const results = {
      type: 'quiz' as const,
      questionId: 'q1',
      answered: 5,
      counts: { a: 1, p: 3, l: 1, k: 0 },
      correctChoiceIds: ['p'],
      correctCount: 3,
    };
    expect(questionClosedMessage(quiz, results, all)).toBe(
      'Question 2 is closed. Correct answer: 2) Pear. 3 of 5 got it right.',
    );
  });

  it('gives a word cloud its top words and a rating its mean', () => {
    const words = [
      { text: 'b', count: 1 },
      { text: 'pizza', count: 4 },
      { text: 'a', count: 1 },
      { text: 'tacos', count: 2 },
      { text: 'c', count: 1 },
      { text: 'd', count: 1 },
    ];
    expect(
      questionClosedMessage(cloud, { type: 'wordcloud', questionId: 'q1', answered: 6, words }, all),
    ).toBe('Question 2 is closed. Top words: pizza (4), tacos (2), a (1), b (1), c (1)');
    expect(
      questionClosedMessage(
        rating,
        { type: 'rating', questionId: 'q1', answered: 3, mean: 13 / 3, median: 4, distribution: [] },
        all,
      ),
    ).toBe('Question 2 is closed. Average 4.3 of 5 (3 ratings)');
  });

  it('follows the settings: closed only, results only, or nothing', () => {
    const results = { type: 'poll' as const, questionId: 'q1', answered: 0, counts: {} };
    expect(questionClosedMessage(poll, results, { announceClose: true, announceResults: false })).toBe(
      'Question 2 is closed.',
    );
    expect(questionClosedMessage(poll, results, { announceClose: false, announceResults: true })).toBe(
      'Question 2: No answers.',
    );
    expect(questionClosedMessage(poll, results, { announceClose: false, announceResults: false })).toBeNull();
  });
});
