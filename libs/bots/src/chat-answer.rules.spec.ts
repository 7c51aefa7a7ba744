import type { QuestionDto } from '@podium/contracts';
import { type ChatAnswerOptions, parseChatAnswer } from './chat-answer.rules';

const base = { id: 'q1', meetingId: 'm1', position: 0, title: 'Question', closedAt: null };
const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: `C${i + 1}` }));

function poll(overrides: Partial<Extract<QuestionDto, { type: 'poll' }>> = {}): QuestionDto {
  return {
    ...base,
    type: 'poll',
    choices: choices(4),
    multiple: false,
    hideResultsUntilClosed: false,
    allowAnswerChange: true,
    timeLimitSeconds: null,
    ...overrides,
  };
}

function quiz(overrides: Partial<Extract<QuestionDto, { type: 'quiz' }>> = {}): QuestionDto {
  return {
    ...base,
    type: 'quiz',
    choices: choices(4).map((c, i) => ({ ...c, correct: i === 1 })),
    multiple: false,
    scoring: 'standard',
    speedMaxPoints: 1_000,
    allowAnswerChange: false,
    timeLimitSeconds: null,
    ...overrides,
  };
}

function cloud(overrides: Partial<Extract<QuestionDto, { type: 'wordcloud' }>> = {}): QuestionDto {
  return {
    ...base,
    type: 'wordcloud',
    maxWordsPerAttendee: 3,
    maxWordLength: 12,
    bannedWords: ['darn'],
    timeLimitSeconds: null,
    ...overrides,
  };
}

function rating(scale: 'stars5' | 'ten' | 'slider100' = 'stars5'): QuestionDto {
  return {
    ...base,
    type: 'rating',
    scale,
    hideResultsUntilClosed: false,
    allowAnswerChange: true,
    timeLimitSeconds: null,
  };
}

const options: ChatAnswerOptions = { prefix: '!', wordCloud: 'command' };

describe('parseChatAnswer: polls and quizzes', () => {
  it.each([
    ['2', ['c2']],
    ['B', ['c2']],
    ['b', ['c2']],
    ['  3  ', ['c3']],
    ['!vote 2', ['c2']],
    ['!VOTE b', ['c2']],
    ['!vote   d', ['c4']],
  ])('reads %p as %p', (text, choiceIds) => {
    expect(parseChatAnswer(poll(), text, options)).toEqual({ type: 'poll', choiceIds });
    expect(parseChatAnswer(quiz(), text, options)).toEqual({ type: 'quiz', choiceIds });
  });

  it.each([
    '2 cool',
    'b is right',
    'hello',
    'ab',
    '0',
    '5',
    'e',
    '22',
    '!vote',
    '!vote 5',
    '!voter 2',
    '?vote 2',
    '!wc 2',
    '2!',
    '',
  ])('does not take %p as a vote on a 4-choice question', (text) => {
    expect(parseChatAnswer(poll(), text, options)).toBeNull();
    expect(parseChatAnswer(quiz(), text, options)).toBeNull();
  });

  it('takes several choices only where the question allows several, in the question order', () => {
    const multi = poll({ multiple: true });
    for (const text of ['1 3', '1,3', '3, 1', 'a c', '!vote 1 3', '1 1 3', 'A;3']) {
      expect(parseChatAnswer(multi, text, options)).toEqual({ type: 'poll', choiceIds: ['c1', 'c3'] });
    }
    expect(parseChatAnswer(poll(), '1 3', options)).toBeNull();
    expect(parseChatAnswer(quiz(), '1,3', options)).toBeNull();
    // One out-of-range token spoils the line: it is not a partial vote.
    expect(parseChatAnswer(multi, '1 7', options)).toBeNull();
    // The same choice twice is still one choice.
    expect(parseChatAnswer(poll(), '2 2', options)).toEqual({ type: 'poll', choiceIds: ['c2'] });
  });

  it('reaches the tenth choice by number and letter, never past it', () => {
    const ten = poll({ choices: choices(10) });
    expect(parseChatAnswer(ten, '10', options)).toEqual({ type: 'poll', choiceIds: ['c10'] });
    expect(parseChatAnswer(ten, 'j', options)).toEqual({ type: 'poll', choiceIds: ['c10'] });
    expect(parseChatAnswer(ten, '11', options)).toBeNull();
    expect(parseChatAnswer(ten, 'k', options)).toBeNull();
  });

  it('follows the workspace prefix', () => {
    const hash = { ...options, prefix: '#' };
    expect(parseChatAnswer(poll(), '#vote 2', hash)).toEqual({ type: 'poll', choiceIds: ['c2'] });
    expect(parseChatAnswer(poll(), '!vote 2', hash)).toBeNull();
  });

  it('is linear on long hostile lines', () => {
    const started = Date.now();
    expect(parseChatAnswer(poll({ multiple: true }), `${'a'.repeat(20_000)}!`, options)).toBeNull();
    expect(parseChatAnswer(poll({ multiple: true }), `${'1 '.repeat(20_000)}x`, options)).toBeNull();
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('parseChatAnswer: ratings', () => {
  it('takes a whole number in the scale, bare or with !vote', () => {
    expect(parseChatAnswer(rating(), '4', options)).toEqual({ type: 'rating', value: 4 });
    expect(parseChatAnswer(rating(), '!vote 5', options)).toEqual({ type: 'rating', value: 5 });
    expect(parseChatAnswer(rating('ten'), '10', options)).toEqual({ type: 'rating', value: 10 });
    expect(parseChatAnswer(rating('slider100'), '0', options)).toEqual({ type: 'rating', value: 0 });
    expect(parseChatAnswer(rating('slider100'), '100', options)).toEqual({ type: 'rating', value: 100 });
  });

  it.each(['0', '6', '4.5', '-1', '4 stars', 'four', '!vote', 'b'])(
    'refuses %p on a 5-star scale',
    (text) => {
      expect(parseChatAnswer(rating(), text, options)).toBeNull();
    },
  );
});

describe('parseChatAnswer: word clouds', () => {
  it('takes `!wc word` through the word rules', () => {
    expect(parseChatAnswer(cloud(), '!wc Pizza', options)).toEqual({ type: 'wordcloud', word: 'pizza' });
    expect(parseChatAnswer(cloud(), '!WC  ice   cream ', options)).toEqual({
      type: 'wordcloud',
      word: 'ice cream',
    });
  });

  it('refuses empty, too long and banned words', () => {
    expect(parseChatAnswer(cloud(), '!wc', options)).toBeNull();
    expect(parseChatAnswer(cloud(), '!wc supercalifragilistic', options)).toBeNull();
    expect(parseChatAnswer(cloud(), '!wc DARN', options)).toBeNull();
    expect(parseChatAnswer(cloud(), '!wc darn it', options)).toBeNull();
  });

  it('takes plain short messages only when the meeting allows any short message', () => {
    expect(parseChatAnswer(cloud(), 'pizza', options)).toBeNull();
    const anyShort: ChatAnswerOptions = { ...options, wordCloud: 'any_short' };
    expect(parseChatAnswer(cloud(), 'Pizza', anyShort)).toEqual({ type: 'wordcloud', word: 'pizza' });
    expect(parseChatAnswer(cloud(), '!wc tacos', anyShort)).toEqual({ type: 'wordcloud', word: 'tacos' });
    // A long line is chat, not a word; other commands are not words either.
    expect(parseChatAnswer(cloud(), 'this stream is great today', anyShort)).toBeNull();
    expect(parseChatAnswer(cloud(), '!help', anyShort)).toBeNull();
    expect(parseChatAnswer(cloud(), '!vote 2', anyShort)).toBeNull();
  });
});

describe('parseChatAnswer: questions chat cannot answer', () => {
  it('returns null for slides and Q&A', () => {
    const slide: QuestionDto = { ...base, type: 'slide', body: '', imageUrl: null };
    const qa: QuestionDto = { ...base, type: 'qa', timeLimitSeconds: null };
    expect(parseChatAnswer(slide, '2', options)).toBeNull();
    expect(parseChatAnswer(qa, '!vote 2', options)).toBeNull();
  });
});
