import type { LiveStateDto, QuestionDto } from '@podium/contracts';
import { MEETING_ID, newOverlaySnapshot, newScoreboard, newState } from '@podium/ui/testing';
import { initialMeeting, type OverlayMeeting, reduceMeeting, rejoinDelayMs } from './meeting-feed';

const question: QuestionDto = {
  id: 'q1',
  meetingId: MEETING_ID,
  position: 0,
  title: 'Favourite colour?',
  closedAt: null,
  type: 'wordcloud',
  maxWordsPerAttendee: 3,
  maxWordLength: 25,
  bannedWords: [],
  timeLimitSeconds: null,
};

const state = (version: number, overrides: Partial<LiveStateDto> = {}): LiveStateDto =>
  newState({
    version,
    phase: 'question_open',
    questionIndex: 0,
    question,
    openedAt: '2026-11-21T10:00:00.000Z',
    serverTime: '2026-11-21T10:00:00.000Z',
    ...overrides,
  });

const scoreboard = newScoreboard();
const snapshot = (version: number) => newOverlaySnapshot({ state: state(version), scoreboard });
const now = Date.parse('2026-11-21T10:00:00.000Z');

function joined(version = 4): OverlayMeeting {
  return reduceMeeting(initialMeeting, { type: 'snapshot', snapshot: snapshot(version), now }).meeting;
}

describe('overlay meeting feed', () => {
  it('starts from the snapshot and applies the pushes in order', () => {
    let meeting = joined(4);
    expect(meeting.view?.state.question?.title).toBe('Favourite colour?');

    const results = {
      meetingId: MEETING_ID,
      version: 4,
      present: 0,
      results: {
        type: 'wordcloud' as const,
        questionId: 'q1',
        answered: 2,
        words: [{ text: 'blue', count: 2 }],
      },
    };
    const afterResults = reduceMeeting(meeting, { type: 'results', payload: results });
    expect(afterResults.resync).toBe(false);
    meeting = afterResults.meeting;
    expect(meeting.view?.results).toEqual(results.results);

    const closed = reduceMeeting(meeting, {
      type: 'state',
      payload: state(5, { phase: 'question_closed' }),
      now,
    });
    expect(closed).toMatchObject({ resync: false, meeting: { view: { version: 5 } } });
  });

  it('asks for a new snapshot after a missed state, and ignores stale pushes', () => {
    const meeting = joined(4);
    expect(reduceMeeting(meeting, { type: 'state', payload: state(6), now }).resync).toBe(true);

    const stale = reduceMeeting(meeting, { type: 'state', payload: state(3, { phase: 'after' }), now });
    expect(stale).toEqual({ meeting, resync: false });

    const ahead = reduceMeeting(meeting, {
      type: 'scoreboard',
      payload: { meetingId: MEETING_ID, version: 5, scoreboard },
    });
    expect(ahead.resync).toBe(true);
  });

  it('ignores pushes before the first snapshot', () => {
    expect(reduceMeeting(initialMeeting, { type: 'state', payload: state(2), now })).toEqual({
      meeting: initialMeeting,
      resync: false,
    });
  });

  it('clears a meeting that is gone, but keeps it through a network blip or after its end', () => {
    const notLive = { statusCode: 404, code: 'meeting.not_live', message: 'No live meeting' };
    const timeout = { statusCode: 0, code: 'client.timeout', message: '' };

    expect(reduceMeeting(joined(), { type: 'joinFailed', error: notLive }).meeting).toEqual({
      view: null,
      error: notLive,
    });
    expect(reduceMeeting(joined(), { type: 'joinFailed', error: timeout }).meeting.view).not.toBeNull();

    const ended = reduceMeeting(joined(4), {
      type: 'state',
      payload: state(5, { phase: 'after' }),
      now,
    }).meeting;
    expect(reduceMeeting(ended, { type: 'joinFailed', error: notLive }).meeting.view?.state.phase).toBe(
      'after',
    );
  });

  it('looks again for a meeting that is not there, and for the next live one after the end', () => {
    const notLive = { statusCode: 404, code: 'meeting.not_live', message: '' };
    expect(rejoinDelayMs('live', { view: null, error: notLive })).toBe(10_000);
    expect(rejoinDelayMs('live', joined())).toBeNull();

    const ended = reduceMeeting(joined(4), {
      type: 'state',
      payload: state(5, { phase: 'after' }),
      now,
    }).meeting;
    expect(rejoinDelayMs('live', ended)).toBe(30_000);
    // A meeting chosen by id stays on screen once ended: nothing else to look for.
    expect(rejoinDelayMs(MEETING_ID, ended)).toBeNull();
  });
});
