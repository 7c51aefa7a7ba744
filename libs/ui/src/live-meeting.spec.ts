import type { LiveStateDto, MeetingSnapshotDto, QuestionResultsDto } from '@podium/contracts';
import {
  applyControl,
  applyMyAnswer,
  applyMyUpvote,
  applyPresence,
  applyResults,
  applyScore,
  applyScoreboard,
  applyState,
  fromSnapshot,
  isInControl,
  secondsLeft,
  serverOffset,
  type MeetingView,
} from './live-meeting';
import {
  MEETING_ID,
  newAttendeeSnapshot,
  newControl,
  newMyScore,
  newOrganizerSnapshot,
  newOverlaySnapshot,
  newPoll,
  newScoreboard,
  newState,
} from './test/live-meeting.factory';

const NOW = Date.parse('2025-01-01T10:00:00.000Z');

/** The first question open at version 3, on a server clock in step with NOW. */
function state(overrides: Partial<LiveStateDto> = {}): LiveStateDto {
  return newState({
    version: 3,
    phase: 'question_open',
    questionIndex: 0,
    questionCount: 2,
    question: newPoll('q1'),
    openedAt: '2025-01-01T09:59:50.000Z',
    serverTime: '2025-01-01T10:00:00.000Z',
    ...overrides,
  });
}

function pollResults(questionId: string, a: number, b = 0): QuestionResultsDto {
  return { type: 'poll', questionId, answered: a + b, counts: { a, b } };
}

function organizerView(
  overrides: Partial<Extract<MeetingSnapshotDto, { audience: 'organizer' }>> = {},
): MeetingView {
  return fromSnapshot(
    newOrganizerSnapshot({
      state: state(),
      results: pollResults('q1', 1),
      scoreboard: newScoreboard(4),
      present: 4,
      ...overrides,
    }),
    NOW,
  );
}

const me = newMyScore({ total: 2, attendeeCount: 3 });

function attendeeView(): MeetingView {
  return fromSnapshot(
    newAttendeeSnapshot({
      state: state(),
      scoreboard: newScoreboard(3),
      me,
      myAnswer: { type: 'poll', choiceIds: ['a'] },
      myUpvotes: ['e-1'],
    }),
    NOW,
  );
}

describe('fromSnapshot', () => {
  it('keeps the organizer fields and the version of the state', () => {
    const view = organizerView();
    expect(view).toMatchObject({
      meetingId: MEETING_ID,
      audience: 'organizer',
      version: 3,
      present: 4,
      canControl: true,
      me: null,
      myAnswer: null,
    });
    expect(view.scoreboard?.attendeeCount).toBe(4);
    expect(view.control?.controllerClientId).toBe('tab-1');
  });

  it('keeps the attendee fields and the top of the scoreboard, without control', () => {
    const view = attendeeView();
    expect(view).toMatchObject({ audience: 'attendee', control: null, canControl: false });
    expect(view.scoreboard).toEqual(newScoreboard(3));
    expect(view.me).toEqual(me);
    expect(view.myAnswer).toEqual({ type: 'poll', choiceIds: ['a'] });
    expect(view.myUpvotes).toEqual(['e-1']);
  });

  it('keeps the overlay scoreboard', () => {
    const view = fromSnapshot(newOverlaySnapshot({ state: state(), scoreboard: newScoreboard(9) }), NOW);
    expect(view.scoreboard?.attendeeCount).toBe(9);
    expect(view.control).toBeNull();
  });

  it('measures the server clock offset from serverTime', () => {
    const view = fromSnapshot(
      newOverlaySnapshot({ state: state({ serverTime: '2025-01-01T10:00:02.500Z' }) }),
      NOW,
    );
    expect(view.serverOffsetMs).toBe(2_500);
  });
});

describe('applyState', () => {
  it('applies the next version', () => {
    const view = organizerView();
    const { view: next, resync } = applyState(view, state({ version: 4, phase: 'question_closed' }), NOW);
    expect(resync).toBe(false);
    expect(next.version).toBe(4);
    expect(next.state.phase).toBe('question_closed');
  });

  it('keeps the results of the same question', () => {
    const { view: next } = applyState(organizerView(), state({ version: 4, phase: 'question_closed' }), NOW);
    expect(next.results).toEqual(pollResults('q1', 1));
  });

  it('drops the results, the answer and the upvotes when the question changes', () => {
    const organizer = applyState(
      organizerView(),
      state({ version: 4, questionIndex: 1, question: newPoll('q2', { position: 1 }) }),
      NOW,
    );
    expect(organizer.view.results).toBeNull();
    const attendee = applyState(
      attendeeView(),
      state({ version: 4, questionIndex: 1, question: newPoll('q2', { position: 1 }) }),
      NOW,
    );
    expect(attendee.view.myAnswer).toBeNull();
    expect(attendee.view.myUpvotes).toEqual([]);
  });

  it('takes the final results the state carries, and keeps them out of the state', () => {
    const closed = { ...state({ version: 4, phase: 'question_closed' }), results: pollResults('q1', 7, 2) };
    const { view, resync } = applyState(attendeeView(), closed, NOW);
    expect(resync).toBe(false);
    expect(view.results).toEqual(pollResults('q1', 7, 2));
    expect(view.state).not.toHaveProperty('results');
    expect(view.myAnswer).toEqual({ type: 'poll', choiceIds: ['a'] });
  });

  it('ignores carried results of another question than the state shows', () => {
    const closed = { ...state({ version: 4, phase: 'question_closed' }), results: pollResults('q9', 5) };
    expect(applyState(organizerView(), closed, NOW).view.results).toEqual(pollResults('q1', 1));
  });

  it('keeps the attendee answer while the question stays', () => {
    const { view } = applyState(attendeeView(), state({ version: 4, phase: 'question_closed' }), NOW);
    expect(view.myAnswer).toEqual({ type: 'poll', choiceIds: ['a'] });
    expect(view.myUpvotes).toEqual(['e-1']);
  });

  it('applies a later version but asks for a resync', () => {
    const { view, resync } = applyState(organizerView(), state({ version: 6, phase: 'results' }), NOW);
    expect(resync).toBe(true);
    expect(view.version).toBe(6);
    expect(view.state.phase).toBe('results');
  });

  it.each([3, 2, 0])('ignores version %i (not newer than 3)', (version) => {
    const view = organizerView();
    const result = applyState(view, state({ version, phase: 'after' }), NOW);
    expect(result.view).toBe(view);
    expect(result.resync).toBe(false);
  });

  it('ignores another meeting', () => {
    const view = organizerView();
    const result = applyState(view, state({ meetingId: 'other', version: 4 }), NOW);
    expect(result.view).toBe(view);
    expect(result.resync).toBe(false);
  });

  it('updates the clock offset', () => {
    const { view } = applyState(
      organizerView(),
      state({ version: 4, serverTime: '2025-01-01T09:59:59.000Z' }),
      NOW,
    );
    expect(view.serverOffsetMs).toBe(-1_000);
  });
});

describe('applyResults', () => {
  const payload = (version: number, results: QuestionResultsDto, present = 7) => ({
    meetingId: MEETING_ID,
    version,
    results,
    present,
  });

  it('applies results of the current version and question, with the present count for organizers', () => {
    const { view, resync } = applyResults(organizerView(), payload(3, pollResults('q1', 5, 2)));
    expect(resync).toBe(false);
    expect(view.results).toEqual(pollResults('q1', 5, 2));
    expect(view.present).toBe(7);
  });

  it('leaves the present count alone for attendees (the server sends 0)', () => {
    const before = attendeeView();
    const { view } = applyResults(before, payload(3, pollResults('q1', 5), 0));
    expect(view.results).toEqual(pollResults('q1', 5));
    expect(view.present).toBe(before.present);
  });

  it('ignores older versions', () => {
    const view = organizerView();
    const result = applyResults(view, payload(2, pollResults('q1', 9)));
    expect(result.view).toBe(view);
    expect(result.resync).toBe(false);
  });

  it('asks for a resync on a newer version without applying it', () => {
    const view = organizerView();
    const result = applyResults(view, payload(4, pollResults('q1', 9)));
    expect(result.resync).toBe(true);
    expect(result.view.results).toEqual(pollResults('q1', 1));
  });

  it('ignores results of another question', () => {
    const view = organizerView();
    const result = applyResults(view, payload(3, pollResults('q9', 9)));
    expect(result.view).toBe(view);
  });

  it('ignores another meeting', () => {
    const view = organizerView();
    expect(applyResults(view, { ...payload(3, pollResults('q1', 9)), meetingId: 'other' }).view).toBe(view);
  });
});

describe('applyScoreboard', () => {
  it('applies the current version', () => {
    const { view, resync } = applyScoreboard(organizerView(), {
      meetingId: MEETING_ID,
      version: 3,
      scoreboard: newScoreboard(10),
    });
    expect(resync).toBe(false);
    expect(view.scoreboard?.attendeeCount).toBe(10);
  });

  it('ignores an older version and resyncs on a newer one', () => {
    const view = organizerView();
    const old = applyScoreboard(view, { meetingId: MEETING_ID, version: 1, scoreboard: newScoreboard(10) });
    expect(old.view).toBe(view);
    expect(old.resync).toBe(false);
    const newer = applyScoreboard(view, { meetingId: MEETING_ID, version: 5, scoreboard: newScoreboard(10) });
    expect(newer.resync).toBe(true);
    expect(newer.view.scoreboard?.attendeeCount).toBe(4);
  });

  it("moves the phone's own attendee count with the board, keeping its score and rank", () => {
    const view = attendeeView();
    const { view: next } = applyScoreboard(view, {
      meetingId: MEETING_ID,
      version: 3,
      scoreboard: newScoreboard(12),
    });
    expect(next.me).toEqual({ ...view.me, attendeeCount: 12 });
    expect(next.scoreboard?.attendeeCount).toBe(12);
  });
});

describe('applyControl and isInControl', () => {
  it('replaces who holds control', () => {
    const view = organizerView();
    expect(isInControl(view, 'tab-1')).toBe(true);
    const { view: next, resync } = applyControl(view, newControl('tab-2'));
    expect(resync).toBe(false);
    expect(isInControl(next, 'tab-1')).toBe(false);
    expect(isInControl(next, 'tab-2')).toBe(true);
  });

  it('nobody is in control when the controller is null', () => {
    const { view } = applyControl(organizerView(), newControl(null));
    expect(isInControl(view, 'tab-1')).toBe(false);
  });

  it('ignores another meeting', () => {
    const view = organizerView();
    expect(applyControl(view, { ...newControl('tab-2'), meetingId: 'other' }).view).toBe(view);
  });
});

describe('applyPresence', () => {
  it('updates the organizer count, whatever the version', () => {
    const { view } = applyPresence(organizerView(), { meetingId: MEETING_ID, present: 9 });
    expect(view.present).toBe(9);
  });

  it('ignores other meetings and other audiences', () => {
    const organizer = organizerView();
    expect(applyPresence(organizer, { meetingId: 'other', present: 9 }).view).toBe(organizer);
    const attendee = attendeeView();
    expect(applyPresence(attendee, { meetingId: MEETING_ID, present: 9 }).view).toBe(attendee);
  });
});

describe('applyScore', () => {
  it('replaces the attendee score', () => {
    const { view } = applyScore(attendeeView(), { ...me, total: 10, rank: 2 });
    expect(view.me).toMatchObject({ total: 10, rank: 2 });
  });

  it('ignores the score of somebody else', () => {
    const view = attendeeView();
    expect(applyScore(view, { ...me, attendeeId: 'att-2', total: 99 }).view).toBe(view);
  });
});

describe('applyMyAnswer and applyMyUpvote', () => {
  it('keeps the answer for the current question only', () => {
    const view = attendeeView();
    expect(applyMyAnswer(view, 'q1', { type: 'poll', choiceIds: ['b'] }).myAnswer).toEqual({
      type: 'poll',
      choiceIds: ['b'],
    });
    expect(applyMyAnswer(view, 'q2', { type: 'poll', choiceIds: ['b'] })).toBe(view);
  });

  it('remembers an upvote once', () => {
    const view = applyMyUpvote(attendeeView(), 'e-2');
    expect(view.myUpvotes).toEqual(['e-1', 'e-2']);
    expect(applyMyUpvote(view, 'e-2')).toBe(view);
  });
});

describe('secondsLeft', () => {
  const timed = state({ closesAt: '2025-01-01T10:00:30.000Z' });

  it('is null without a running timer', () => {
    expect(secondsLeft(state(), NOW, 0)).toBeNull();
    expect(secondsLeft({ ...timed, phase: 'question_closed' }, NOW, 0)).toBeNull();
  });

  it('counts whole seconds up to the deadline, rounding up', () => {
    expect(secondsLeft(timed, NOW, 0)).toBe(30);
    expect(secondsLeft(timed, NOW + 100, 0)).toBe(30);
    expect(secondsLeft(timed, NOW + 29_001, 0)).toBe(1);
    expect(secondsLeft(timed, NOW + 30_000, 0)).toBe(0);
  });

  it('never goes below zero', () => {
    expect(secondsLeft(timed, NOW + 60_000, 0)).toBe(0);
  });

  it('uses the server clock: a server ahead by 10 s leaves 10 s less', () => {
    expect(secondsLeft(timed, NOW, 10_000)).toBe(20);
    expect(secondsLeft(timed, NOW, -5_000)).toBe(35);
  });

  it('pairs with serverOffset', () => {
    expect(serverOffset('2025-01-01T10:00:10.000Z', NOW)).toBe(10_000);
    expect(serverOffset('not a date', NOW)).toBe(0);
  });
});
