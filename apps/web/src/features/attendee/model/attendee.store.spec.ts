import type { LiveStateDto, MeetingSnapshotDto, QuestionDto } from '@podium/contracts';
import { createAttendeeStore } from './attendee.store';

const question = (id: string): QuestionDto => ({
  id,
  meetingId: 'm1',
  position: 0,
  title: `Question ${id}`,
  closedAt: null,
  type: 'poll',
  choices: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
  multiple: false,
  hideResultsUntilClosed: false,
  allowAnswerChange: true,
  timeLimitSeconds: null,
});

const state = (version: number, overrides: Partial<LiveStateDto> = {}): LiveStateDto => ({
  meetingId: 'm1',
  version,
  phase: 'question_open',
  questionIndex: 0,
  questionCount: 2,
  question: question('q1'),
  openedAt: '2026-11-21T10:00:00.000Z',
  closesAt: null,
  serverTime: '2026-11-21T10:00:00.000Z',
  ...overrides,
});

const snapshot = (version: number): MeetingSnapshotDto => ({
  audience: 'attendee',
  state: state(version),
  results: null,
  scoreboard: { meetingId: 'm1', attendeeCount: 3, entries: [] },
  me: { attendeeId: 'a1', nickname: 'Ada', total: 0, rank: 1, attendeeCount: 3 },
  myAnswer: null,
  myUpvotes: [],
});

describe('attendee store', () => {
  it('ignores pushes until the first snapshot (the snapshot has them)', () => {
    const store = createAttendeeStore();
    expect(store.getState().state(state(5))).toBe(false);
    expect(store.getState().view).toBeNull();
  });

  it('applies the next state and asks for a resync after a gap', () => {
    const store = createAttendeeStore();
    store.getState().snapshot(snapshot(3));

    expect(store.getState().state(state(4, { phase: 'question_closed' }))).toBe(false);
    expect(store.getState().view?.state.phase).toBe('question_closed');

    expect(store.getState().state(state(7, { phase: 'results' }))).toBe(true);
    expect(store.getState().view?.version).toBe(7);
  });

  it('keeps its own answer for the question, and drops it when the question changes', () => {
    const store = createAttendeeStore();
    store.getState().snapshot(snapshot(1));
    store.getState().myAnswer('q1', { type: 'poll', choiceIds: ['a'] });
    expect(store.getState().view?.myAnswer).toEqual({ type: 'poll', choiceIds: ['a'] });

    store.getState().state(state(2, { question: question('q2'), questionIndex: 1 }));
    expect(store.getState().view?.myAnswer).toBeNull();
    // A late ack for the previous question does not show up under the new one.
    store.getState().myAnswer('q1', { type: 'poll', choiceIds: ['b'] });
    expect(store.getState().view?.myAnswer).toBeNull();
  });

  it('takes score pushes, and marks a refused token', () => {
    const store = createAttendeeStore();
    store.getState().snapshot(snapshot(1));
    store.getState().score({ attendeeId: 'a1', nickname: 'Ada', total: 12, rank: 1, attendeeCount: 3 });
    expect(store.getState().view?.me?.total).toBe(12);

    store.getState().refuse();
    expect(store.getState().refused).toBe(true);
    store.getState().reset();
    expect(store.getState()).toMatchObject({ refused: false, view: null, link: 'connecting' });
  });
});
