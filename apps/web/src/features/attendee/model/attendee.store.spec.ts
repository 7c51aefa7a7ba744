import type { LiveStateDto } from '@podium/contracts';
import { newAttendeeSnapshot, newMyScore, newPoll, newState } from '@podium/ui/testing';
import { createAttendeeStore } from './attendee.store';

/** The first question open, at `version`. */
const state = (version: number, overrides: Partial<LiveStateDto> = {}): LiveStateDto =>
  newState({ version, phase: 'question_open', questionIndex: 0, question: newPoll('q1'), ...overrides });

const snapshot = (version: number) => newAttendeeSnapshot({ state: state(version) });

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

    store.getState().state(state(2, { question: newPoll('q2'), questionIndex: 1 }));
    expect(store.getState().view?.myAnswer).toBeNull();
    // A late ack for the previous question does not show up under the new one.
    store.getState().myAnswer('q1', { type: 'poll', choiceIds: ['b'] });
    expect(store.getState().view?.myAnswer).toBeNull();
  });

  it('takes score pushes, and marks a refused token', () => {
    const store = createAttendeeStore();
    store.getState().snapshot(snapshot(1));
    store.getState().score(newMyScore({ total: 12 }));
    expect(store.getState().view?.me?.total).toBe(12);

    store.getState().refuse();
    expect(store.getState().refused).toBe(true);
    store.getState().reset();
    expect(store.getState()).toMatchObject({ refused: false, view: null, link: 'connecting' });
  });
});
