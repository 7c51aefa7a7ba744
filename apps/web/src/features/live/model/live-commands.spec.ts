import { MEETING_COMMANDS, type MeetingCommand } from '@podium/contracts';
import { newPoll, newState } from '@podium/ui/testing';
import { canSend, DASHBOARD_COMMANDS, suggestedCommand } from './live-commands';

const enabled = (state: Parameters<typeof canSend>[0]): MeetingCommand[] =>
  MEETING_COMMANDS.filter((command) => canSend(state, command));

const slide = { ...newPoll('s1'), type: 'slide' as const, body: '', imageUrl: null };

describe('canSend', () => {
  it('offers only start before the meeting, and not without questions', () => {
    expect(enabled(newState({ phase: 'before' }))).toEqual(['start']);
    expect(enabled(newState({ phase: 'before', questionCount: 0 }))).toEqual([]);
  });

  it('goes to the first question or the scoreboard from the waiting room', () => {
    expect(enabled(newState({ phase: 'waiting' }))).toEqual(['next', 'scoreboard', 'end']);
  });

  it('closes an open question; next and back wait until it is closed', () => {
    const open = newState({ phase: 'question_open', questionIndex: 1, question: newPoll() });
    expect(enabled(open)).toEqual(['close', 'end']);
  });

  it('moves on from an open slide without closing it, or closes it (a last slide leads to the scoreboard)', () => {
    const open = newState({ phase: 'question_open', questionIndex: 1, question: slide });
    expect(enabled(open)).toEqual(['next', 'back', 'close', 'end']);
  });

  it('shows results of a closed question, not of a slide', () => {
    const closed = newState({ phase: 'question_closed', questionIndex: 1, question: newPoll() });
    expect(enabled(closed)).toEqual(['next', 'back', 'results', 'scoreboard', 'end']);
  });

  it('has no back at the first question and no next at the last', () => {
    const first = newState({ phase: 'results', questionIndex: 0, question: newPoll() });
    expect(canSend(first, 'back')).toBe(false);
    const last = newState({ phase: 'results', questionIndex: 2, question: newPoll() });
    expect(canSend(last, 'next')).toBe(false);
    expect(canSend(last, 'back')).toBe(true);
  });

  it('offers nothing after the end', () => {
    expect(enabled(newState({ phase: 'after' }))).toEqual([]);
  });

  it('lists every command on the dashboard', () => {
    expect([...DASHBOARD_COMMANDS].sort()).toEqual([...MEETING_COMMANDS].sort());
  });
});

describe('suggestedCommand', () => {
  it('follows the usual flow', () => {
    expect(suggestedCommand(newState({ phase: 'before' }))).toBe('start');
    expect(suggestedCommand(newState({ phase: 'waiting' }))).toBe('next');
    const q = { questionIndex: 0, question: newPoll() };
    expect(suggestedCommand(newState({ phase: 'question_open', ...q }))).toBe('close');
    expect(suggestedCommand(newState({ phase: 'question_closed', ...q }))).toBe('results');
    expect(suggestedCommand(newState({ phase: 'results', ...q }))).toBe('next');
    expect(suggestedCommand(newState({ phase: 'after' }))).toBeNull();
  });

  it('suggests the scoreboard, then the end, after the last question', () => {
    const last = { questionIndex: 2, question: newPoll() };
    expect(suggestedCommand(newState({ phase: 'results', ...last }))).toBe('scoreboard');
    expect(suggestedCommand(newState({ phase: 'scoreboard', ...last }))).toBe('end');
  });
});
