import { QUESTION_TYPES, type QuestionDto, QuestionInputSchema } from '@podium/contracts';
import {
  draftFromQuestion,
  draftToInput,
  errorFor,
  isSameDraft,
  newChoice,
  newDraft,
  parseBannedWords,
  type QuestionDraft,
  validateDraft,
} from './question-draft';

const base = { id: 'q1', meetingId: 'm1', position: 0, closedAt: null };

function filled(draft: QuestionDraft, labels: string[] = ['Red', 'Blue']): QuestionDraft {
  return { ...draft, title: 'Favourite colour?', choices: labels.map((label) => newChoice(label)) };
}

describe('newDraft', () => {
  it('starts every type blank, with the contract defaults', () => {
    for (const type of QUESTION_TYPES) {
      const draft = newDraft(type);
      expect(draft.type).toBe(type);
      expect(draft.title).toBe('');
      expect(draft.timed).toBe(false);
      expect(draft.choices).toHaveLength(2);
    }
    expect(newDraft('poll').allowAnswerChange).toBe(true);
    expect(newDraft('quiz').allowAnswerChange).toBe(false);
  });

  it('is valid for the contract once the required text is filled in (quizzes also need a correct choice)', () => {
    for (const type of QUESTION_TYPES) {
      let draft = filled(newDraft(type));
      if (type === 'quiz')
        draft = { ...draft, choices: draft.choices.map((c, i) => ({ ...c, correct: i === 0 })) };
      expect({ type, errors: validateDraft(draft).errors }).toEqual({ type, errors: {} });
    }
  });
});

describe('draftToInput', () => {
  it('sends only the fields of the type, with numbers parsed and untimed as null', () => {
    const draft: QuestionDraft = {
      ...newDraft('wordcloud'),
      title: 'One word for today',
      maxWordsPerAttendee: ' 2 ',
      maxWordLength: '20',
      bannedWords: 'foo\n\n  bar  \nfoo\r\nbaz',
      timed: true,
      timeLimitSeconds: '45',
    };
    expect(draftToInput(draft)).toEqual({
      type: 'wordcloud',
      title: 'One word for today',
      maxWordsPerAttendee: 2,
      maxWordLength: 20,
      bannedWords: ['foo', 'bar', 'baz'],
      timeLimitSeconds: 45,
    });
    expect(draftToInput({ ...draft, timed: false })).toMatchObject({ timeLimitSeconds: null });
  });

  it('keeps choice ids of saved choices and leaves new ones without, so the server fills them', () => {
    const draft: QuestionDraft = {
      ...newDraft('quiz'),
      title: 'Capital of France?',
      choices: [
        { key: 'a', id: 'c-paris', label: 'Paris', correct: true },
        { key: 'b', label: 'Lyon', correct: false },
      ],
      scoring: 'speed',
      speedMaxPoints: '500',
      timed: true,
      timeLimitSeconds: '20',
    };
    expect(draftToInput(draft)).toEqual({
      type: 'quiz',
      title: 'Capital of France?',
      choices: [
        { id: 'c-paris', label: 'Paris', correct: true },
        { label: 'Lyon', correct: false },
      ],
      multiple: false,
      scoring: 'speed',
      speedMaxPoints: 500,
      allowAnswerChange: false,
      timeLimitSeconds: 20,
    });
  });

  it('turns an empty image address into null and leaves poll choices without a correct flag', () => {
    expect(draftToInput({ ...newDraft('slide'), title: 'Welcome', imageUrl: '   ' })).toEqual({
      type: 'slide',
      title: 'Welcome',
      body: '',
      imageUrl: null,
    });
    const poll = draftToInput(filled(newDraft('poll')));
    expect(poll.type === 'poll' && poll.choices).toEqual([{ label: 'Red' }, { label: 'Blue' }]);
  });
});

describe('draftFromQuestion', () => {
  const questions: QuestionDto[] = [
    { ...base, type: 'slide', title: 'Hello', body: '# Hi', imageUrl: 'https://example.org/a.png' },
    {
      ...base,
      type: 'poll',
      title: 'Lunch?',
      choices: [
        { id: 'c1', label: 'Pizza' },
        { id: 'c2', label: 'Salad' },
      ],
      multiple: true,
      hideResultsUntilClosed: true,
      allowAnswerChange: false,
      timeLimitSeconds: 60,
    },
    {
      ...base,
      type: 'quiz',
      title: '2 + 2?',
      choices: [
        { id: 'c1', label: '4', correct: true },
        { id: 'c2', label: '5', correct: false },
      ],
      multiple: false,
      scoring: 'speed',
      speedMaxPoints: 800,
      allowAnswerChange: false,
      timeLimitSeconds: 15,
    },
    {
      ...base,
      type: 'wordcloud',
      title: 'Mood?',
      maxWordsPerAttendee: 3,
      maxWordLength: 25,
      bannedWords: ['meh', 'bof'],
      timeLimitSeconds: null,
    },
    {
      ...base,
      type: 'rating',
      title: 'How was it?',
      scale: 'slider100',
      hideResultsUntilClosed: false,
      allowAnswerChange: true,
      timeLimitSeconds: null,
    },
    { ...base, type: 'qa', title: 'Ask me anything', timeLimitSeconds: 300 },
  ];

  it('round-trips every type: editing nothing sends back what was saved', () => {
    for (const question of questions) {
      const input = draftToInput(draftFromQuestion(question));
      const parsed = QuestionInputSchema.parse(input);
      const { id: _id, meetingId: _m, position: _p, closedAt: _c, ...saved } = question;
      expect(parsed).toEqual(saved);
    }
  });

  it('shows the banned words one a line and the time limit as text', () => {
    expect(draftFromQuestion(questions[3]!).bannedWords).toBe('meh\nbof');
    expect(draftFromQuestion(questions[5]!)).toMatchObject({ timed: true, timeLimitSeconds: '300' });
    expect(draftFromQuestion(questions[4]!)).toMatchObject({ timed: false });
  });
});

describe('validateDraft', () => {
  it('names each field at fault by the same dotted path the server uses', () => {
    const draft: QuestionDraft = { ...filled(newDraft('poll'), ['Red', '  ']), title: '' };
    const { errors } = validateDraft(draft);
    expect(Object.keys(errors).sort()).toEqual(['choices.1.label', 'title']);
  });

  it('refuses a quiz without a correct choice, on the choices list', () => {
    const { errors } = validateDraft(filled(newDraft('quiz')));
    expect(errors['choices']).toBe('needs at least one correct choice');
  });

  it('refuses speed scoring without a time limit, on the time limit', () => {
    const draft: QuestionDraft = {
      ...filled(newDraft('quiz')),
      scoring: 'speed',
      choices: [newChoice('A'), { ...newChoice('B'), correct: true }],
    };
    expect(Object.keys(validateDraft(draft).errors)).toEqual(['timeLimitSeconds']);
    expect(validateDraft({ ...draft, timed: true, timeLimitSeconds: '30' }).errors).toEqual({});
  });

  it('reports half-typed or out-of-range numbers on their field', () => {
    const draft: QuestionDraft = {
      ...newDraft('wordcloud'),
      title: 'Words',
      maxWordsPerAttendee: '',
      maxWordLength: '99',
    };
    expect(Object.keys(validateDraft(draft).errors).sort()).toEqual(['maxWordLength', 'maxWordsPerAttendee']);
    const timed: QuestionDraft = { ...newDraft('qa'), title: 'Q&A', timed: true, timeLimitSeconds: '2' };
    expect(Object.keys(validateDraft(timed).errors)).toEqual(['timeLimitSeconds']);
  });
});

describe('helpers', () => {
  it('parses banned words one a line, trimmed, without blanks or repeats', () => {
    expect(parseBannedWords(' spam \n\nspam\nEggs\r\n')).toEqual(['spam', 'Eggs']);
    expect(parseBannedWords('')).toEqual([]);
  });

  it('finds the message of a field or of anything inside it, without mixing up choice 1 and 10', () => {
    const errors = { 'choices.10.label': 'is required', 'bannedWords.2': 'too long' };
    expect(errorFor(errors, 'bannedWords')).toBe('too long');
    expect(errorFor(errors, 'choices.10')).toBe('is required');
    expect(errorFor(errors, 'choices.1')).toBeUndefined();
  });

  it('compares drafts by what they would save', () => {
    const saved = draftFromQuestion({ ...base, type: 'qa', title: 'Ask', timeLimitSeconds: null });
    // Typing a limit and switching back to untimed changes nothing that is sent.
    expect(isSameDraft(saved, { ...saved, timeLimitSeconds: '99' })).toBe(true);
    expect(isSameDraft(saved, { ...saved, title: 'Ask us' })).toBe(false);
  });
});
