import type { QuestionDto, QuestionResultsDto } from '@podium/contracts';
import { newPoll, newState } from '@podium/ui/testing';
import { answeredCount, roomResults, roomScene } from './live-results';

const pollResults: QuestionResultsDto = {
  type: 'poll',
  questionId: 'q1',
  answered: 4,
  counts: { a: 3, b: 1 },
};
const quiz = {
  ...newPoll(),
  type: 'quiz',
  choices: [
    { id: 'a', label: 'Paris', correct: true },
    { id: 'b', label: 'Lyon', correct: false },
  ],
  scoring: 'standard',
  speedMaxPoints: 1000,
  allowAnswerChange: false,
} as QuestionDto;
const quizResults: QuestionResultsDto = {
  type: 'quiz',
  questionId: 'q1',
  answered: 2,
  counts: { a: 1, b: 1 },
  correctChoiceIds: ['a'],
  correctCount: 1,
};

describe('answeredCount', () => {
  it('counts answers, Q&A entries, and nothing for slides or no results', () => {
    expect(answeredCount(pollResults)).toBe(4);
    expect(answeredCount({ type: 'qa', questionId: 'q', entries: [] })).toBe(0);
    expect(answeredCount({ type: 'slide', questionId: 'q' })).toBeNull();
    expect(answeredCount(null)).toBeNull();
  });
});

describe('roomScene', () => {
  it('maps every phase', () => {
    expect(roomScene('before')).toBe('join');
    expect(roomScene('waiting')).toBe('join');
    expect(roomScene('question_open')).toBe('question');
    expect(roomScene('results')).toBe('question');
    expect(roomScene('scoreboard')).toBe('scoreboard');
    expect(roomScene('after')).toBe('thanks');
  });
});

describe('roomResults', () => {
  it('shows poll results while open unless they are hidden until closed', () => {
    const open = newState({ phase: 'question_open', questionIndex: 0, question: newPoll() });
    expect(roomResults(open, pollResults)).toBe(pollResults);
    const hidden = newState({
      phase: 'question_open',
      question: newPoll('q1', { hideResultsUntilClosed: true } as Partial<QuestionDto>),
    });
    expect(roomResults(hidden, pollResults)).toBeNull();
    expect(roomResults({ ...hidden, phase: 'question_closed' }, pollResults)).toBe(pollResults);
  });

  it('keeps quiz counts and the correct answer off the screen until answers close', () => {
    const open = newState({ phase: 'question_open', question: quiz });
    expect(roomResults(open, quizResults)).toBeNull();
    expect(roomResults({ ...open, phase: 'results' }, quizResults)).toBe(quizResults);
  });

  it('drops hidden Q&A entries', () => {
    const qa = { ...newPoll(), type: 'qa', timeLimitSeconds: null } as QuestionDto;
    const entry = {
      text: 't',
      authorNickname: 'n',
      upvotes: 0,
      pinned: false,
      answered: false,
      createdAt: '',
    };
    const results: QuestionResultsDto = {
      type: 'qa',
      questionId: 'q1',
      entries: [
        { ...entry, id: 'shown', hidden: false },
        { ...entry, id: 'hidden', hidden: true },
      ],
    };
    const shown = roomResults(newState({ phase: 'question_open', question: qa }), results);
    expect(shown?.type === 'qa' ? shown.entries.map((e) => e.id) : null).toEqual(['shown']);
  });

  it('never shows slides or results of another question', () => {
    const slide = { ...newPoll(), type: 'slide', body: '', imageUrl: null } as QuestionDto;
    expect(
      roomResults(newState({ phase: 'question_open', question: slide }), { type: 'slide', questionId: 'q1' }),
    ).toBeNull();
    expect(
      roomResults(newState({ phase: 'question_open', question: newPoll('q2') }), pollResults),
    ).toBeNull();
  });
});
