import { applyCommand, type QuestionStep } from './meeting-transitions.rules';
import { open, refusal, shown } from './meeting-transitions.testing';

describe('start', () => {
  it('is refused without questions', () => {
    const error = refusal({ phase: 'before', questionIndex: null }, 'start', []);
    expect(error.code).toBe('meeting.no_questions');
    expect(error.message).toMatch(/add/i);
  });
});

describe('next', () => {
  const questions: QuestionStep[] = [
    { type: 'poll', closed: false },
    { type: 'slide', closed: false },
    { type: 'quiz', closed: true },
    { type: 'wordcloud', closed: false },
  ];

  it('opens the first question from waiting', () => {
    expect(applyCommand({ phase: 'waiting', questionIndex: null }, 'next', questions)).toEqual(open(0));
  });

  it('opens the first question from a scoreboard shown before any question', () => {
    expect(applyCommand({ phase: 'scoreboard', questionIndex: null }, 'next', questions)).toEqual(open(0));
  });

  it('shows an already closed question closed, without reopening it', () => {
    expect(applyCommand({ phase: 'question_open', questionIndex: 1 }, 'next', questions)).toEqual(
      shown('question_closed', 2),
    );
  });

  it('leaves an open slide without closing it', () => {
    expect(
      applyCommand({ phase: 'question_open', questionIndex: 1 }, 'next', questions).closeQuestion,
    ).toBeNull();
  });

  it('opens a slide', () => {
    expect(applyCommand({ phase: 'question_closed', questionIndex: 0 }, 'next', questions)).toEqual(open(1));
  });

  it('shows a slide open even if it was closed once', () => {
    const closedSlide: QuestionStep[] = [
      { type: 'poll', closed: true },
      { type: 'slide', closed: true },
    ];
    expect(applyCommand({ phase: 'results', questionIndex: 0 }, 'next', closedSlide)).toEqual(open(1));
  });

  it('is refused from an open question that is not a slide', () => {
    const error = refusal({ phase: 'question_open', questionIndex: 0 }, 'next', questions);
    expect(error.code).toBe('meeting.illegal_transition');
    expect(error.message).toMatch(/close the question/i);
  });

  it.each(['question_closed', 'results', 'scoreboard'] as const)(
    'is refused at the last question (%s)',
    (phase) => {
      const error = refusal({ phase, questionIndex: 3 }, 'next', questions);
      expect(error.code).toBe('meeting.no_more_questions');
      expect(error.message).toMatch(/scoreboard|end/);
    },
  );

  it('is refused from an open slide that is the last question', () => {
    const slideLast: QuestionStep[] = [
      { type: 'poll', closed: true },
      { type: 'slide', closed: false },
    ];
    expect(refusal({ phase: 'question_open', questionIndex: 1 }, 'next', slideLast).code).toBe(
      'meeting.no_more_questions',
    );
  });

  it('is refused when every question was deleted after the start', () => {
    expect(refusal({ phase: 'waiting', questionIndex: null }, 'next', []).code).toBe('meeting.no_questions');
  });
});

describe('back', () => {
  const questions: QuestionStep[] = [
    { type: 'slide', closed: false },
    { type: 'poll', closed: true },
    { type: 'slide', closed: false },
    { type: 'quiz', closed: true },
  ];

  it('shows the previous question closed, or open for a slide', () => {
    expect(applyCommand({ phase: 'question_closed', questionIndex: 3 }, 'back', questions)).toEqual(open(2));
    expect(applyCommand({ phase: 'question_open', questionIndex: 2 }, 'back', questions)).toEqual(
      shown('question_closed', 1),
    );
  });

  it('shows a previous slide open', () => {
    expect(applyCommand({ phase: 'results', questionIndex: 1 }, 'back', questions)).toEqual(open(0));
  });

  it('is refused from an open question that is not a slide', () => {
    const error = refusal({ phase: 'question_open', questionIndex: 3 }, 'back', questions);
    expect(error.code).toBe('meeting.illegal_transition');
    expect(error.message).toMatch(/close the question/i);
  });

  it.each(['question_closed', 'results', 'scoreboard'] as const)(
    'is refused at the first question (%s)',
    (phase) => {
      const error = refusal({ phase, questionIndex: 0 }, 'back', [{ type: 'poll', closed: true }]);
      expect(error.code).toBe('meeting.no_previous_question');
      expect(error.message).toMatch(/next/);
    },
  );

  it('is refused from an open slide that is the first question', () => {
    expect(refusal({ phase: 'question_open', questionIndex: 0 }, 'back', questions).code).toBe(
      'meeting.no_previous_question',
    );
  });

  it('is refused from a scoreboard shown before any question', () => {
    expect(refusal({ phase: 'scoreboard', questionIndex: null }, 'back', questions).code).toBe(
      'meeting.no_previous_question',
    );
  });

  it('closes a question never closed (inserted behind the current one) so closed means locked', () => {
    const inserted: QuestionStep[] = [
      { type: 'rating', closed: false },
      { type: 'poll', closed: true },
    ];
    expect(applyCommand({ phase: 'question_closed', questionIndex: 1 }, 'back', inserted)).toEqual(
      shown('question_closed', 0, 0),
    );
  });

  it('steps onto the last question when questions after it were deleted', () => {
    const shrunk: QuestionStep[] = [
      { type: 'poll', closed: true },
      { type: 'quiz', closed: true },
    ];
    expect(applyCommand({ phase: 'scoreboard', questionIndex: 5 }, 'back', shrunk)).toEqual(
      shown('question_closed', 1),
    );
  });
});

describe('close', () => {
  it('closes the open question so it is scored and locked', () => {
    expect(
      applyCommand({ phase: 'question_open', questionIndex: 0 }, 'close', [{ type: 'poll', closed: false }]),
    ).toEqual(shown('question_closed', 0, 0));
  });

  it('closes an open slide too (the way from a final slide to the scoreboard)', () => {
    const slide: QuestionStep[] = [{ type: 'slide', closed: false }];
    const closed = applyCommand({ phase: 'question_open', questionIndex: 0 }, 'close', slide);
    expect(closed).toEqual(shown('question_closed', 0, 0));
    expect(applyCommand(closed, 'scoreboard', slide)).toEqual(shown('scoreboard', 0));
  });

  it('is refused without a current question', () => {
    expect(refusal({ phase: 'question_open', questionIndex: null }, 'close', []).code).toBe(
      'meeting.illegal_transition',
    );
  });
});

describe('results', () => {
  it('is refused for slides', () => {
    const error = refusal({ phase: 'question_closed', questionIndex: 0 }, 'results', [
      { type: 'slide', closed: true },
    ]);
    expect(error.code).toBe('meeting.illegal_transition');
    expect(error.message).toMatch(/slides/i);
  });

  it('tells to close an open question first', () => {
    expect(
      refusal({ phase: 'question_open', questionIndex: 0 }, 'results', [{ type: 'poll', closed: false }])
        .message,
    ).toMatch(/close the question/i);
  });
});

describe('scoreboard', () => {
  it('keeps the current question index', () => {
    const questions: QuestionStep[] = [{ type: 'quiz', closed: true }];
    expect(applyCommand({ phase: 'results', questionIndex: 0 }, 'scoreboard', questions)).toEqual(
      shown('scoreboard', 0),
    );
  });
});

describe('end', () => {
  it('closes an open question first', () => {
    expect(applyCommand({ phase: 'question_open', questionIndex: 2 }, 'end', [])).toEqual(
      shown('after', null, 2),
    );
  });

  it('closes nothing from other phases', () => {
    for (const phase of ['waiting', 'question_closed', 'results', 'scoreboard'] as const) {
      expect(applyCommand({ phase, questionIndex: 0 }, 'end', [{ type: 'poll', closed: true }])).toEqual(
        shown('after', null),
      );
    }
  });

  it('explains why it is refused before the start and after the end', () => {
    expect(refusal({ phase: 'before', questionIndex: null }, 'end', []).message).toMatch(/not started/);
    expect(refusal({ phase: 'after', questionIndex: null }, 'end', []).message).toMatch(/already ended/);
    expect(refusal({ phase: 'after', questionIndex: null }, 'start', []).message).toMatch(/reset/);
  });
});
