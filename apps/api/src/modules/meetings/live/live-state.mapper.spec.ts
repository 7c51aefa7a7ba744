import { DEFAULT_MEETING_CHAT_SETTINGS, type LiveStateDto, type QuestionDto } from '@podium/contracts';
import type { MeetingEntity } from '../meeting.entity';
import type { QuestionEntity } from '../question.entity';
import { stateFor, toLiveState, toPublicQuestion } from './live-state.mapper';

const base = { meetingId: 'm1', position: 0, title: 'Capital?', closedAt: null };

const quiz: QuestionDto = {
  ...base,
  id: 'q1',
  type: 'quiz',
  choices: [
    { id: 'a', label: 'Paris', correct: true },
    { id: 'b', label: 'Lyon', correct: false },
  ],
  multiple: false,
  scoring: 'standard',
  speedMaxPoints: 1000,
  allowAnswerChange: false,
  timeLimitSeconds: null,
};

const cloud: QuestionDto = {
  ...base,
  id: 'q2',
  type: 'wordcloud',
  maxWordsPerAttendee: 3,
  maxWordLength: 25,
  bannedWords: ['rude'],
  timeLimitSeconds: null,
};

function question(overrides: Partial<QuestionEntity>): QuestionEntity {
  return {
    id: 'q1',
    meetingId: 'm1',
    position: 0,
    type: 'poll',
    title: 'Tea or coffee?',
    config: {
      choices: [
        { id: 'a', label: 'Tea' },
        { id: 'b', label: 'Coffee' },
      ],
      multiple: false,
      hideResultsUntilClosed: false,
      allowAnswerChange: true,
      timeLimitSeconds: 30,
    },
    openedAt: null,
    closedAt: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  } as QuestionEntity;
}

function meeting(overrides: Partial<MeetingEntity>): MeetingEntity {
  return {
    id: 'm1',
    workspaceId: 'w1',
    title: 'Demo',
    description: '',
    kind: 'in_room',
    chatSettings: DEFAULT_MEETING_CHAT_SETTINGS,
    joinCode: 'ABCDEF',
    phase: 'question_open',
    currentQuestionId: 'q1',
    questionOpenedAt: new Date('2030-01-01T10:00:00Z'),
    questionClosesAt: new Date('2030-01-01T10:00:30Z'),
    liveVersion: 4,
    controllerUserId: null,
    controllerClientId: null,
    startedAt: new Date('2030-01-01T09:59:00Z'),
    endedAt: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

describe('live state mapper', () => {
  it('strips quiz answers and banned words from what attendees and overlays see', () => {
    const publicQuiz = toPublicQuestion(quiz);
    expect(publicQuiz).toMatchObject({
      type: 'quiz',
      choices: [
        { id: 'a', label: 'Paris' },
        { id: 'b', label: 'Lyon' },
      ],
    });
    expect(JSON.stringify(publicQuiz)).not.toContain('correct');
    expect(toPublicQuestion(cloud)).toMatchObject({ type: 'wordcloud', bannedWords: [] });
    // The organizer's copy is left alone.
    expect(quiz.type === 'quiz' && quiz.choices[0]?.correct).toBe(true);
  });

  it('maps a state per audience with one function', () => {
    const state: LiveStateDto = {
      meetingId: 'm1',
      version: 3,
      phase: 'question_open',
      questionIndex: 0,
      questionCount: 1,
      question: quiz,
      openedAt: null,
      closesAt: null,
      serverTime: new Date(0).toISOString(),
    };
    expect(stateFor('organizer', state)).toEqual(state);
    expect(stateFor('organizer', state).question).toBe(quiz);
    expect(JSON.stringify(stateFor('attendee', state))).not.toContain('correct');
    expect(JSON.stringify(stateFor('overlay', state))).not.toContain('correct');
    expect(stateFor('attendee', { ...state, question: null }).question).toBeNull();
  });

  it('reports the current question, its index and the deadline only while it is open', () => {
    const questions = [question({ id: 'q0', position: 0 }), question({ id: 'q1', position: 1 })];
    const open = toLiveState(meeting({}), questions, new Date('2030-01-01T10:00:05Z'));
    expect(open).toMatchObject({
      meetingId: 'm1',
      version: 4,
      phase: 'question_open',
      questionIndex: 1,
      questionCount: 2,
      question: { id: 'q1', type: 'poll' },
      openedAt: '2030-01-01T10:00:00.000Z',
      closesAt: '2030-01-01T10:00:30.000Z',
      serverTime: '2030-01-01T10:00:05.000Z',
    });
    expect(toLiveState(meeting({ phase: 'question_closed' }), questions).closesAt).toBeNull();
    const waiting = toLiveState(meeting({ phase: 'waiting', currentQuestionId: null }), questions);
    expect(waiting).toMatchObject({ questionIndex: null, question: null, openedAt: null });
    // A current question deleted meanwhile is no current question.
    expect(toLiveState(meeting({ currentQuestionId: 'gone' }), questions).questionIndex).toBeNull();
  });
});
