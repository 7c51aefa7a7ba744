import type {
  LiveControlDto,
  LiveStateDto,
  MeetingSnapshotDto,
  MyScoreDto,
  QuestionDto,
  ScoreboardDto,
} from '@podium/contracts';

/**
 * Test data for the live-meeting model and the screens built on it (`@podium/ui/testing`):
 * factories with overrides, shared by this lib's specs and the web and overlay specs.
 */
export const MEETING_ID = '00000000-0000-4000-8000-000000000001';

type Snapshot<A extends MeetingSnapshotDto['audience']> = Extract<MeetingSnapshotDto, { audience: A }>;

export function newPoll(id = 'q1', overrides: Partial<QuestionDto> = {}): QuestionDto {
  return {
    id,
    meetingId: MEETING_ID,
    position: 0,
    title: 'Which city?',
    closedAt: null,
    type: 'poll',
    choices: [
      { id: 'a', label: 'Paris' },
      { id: 'b', label: 'Lyon' },
    ],
    multiple: false,
    hideResultsUntilClosed: false,
    allowAnswerChange: true,
    timeLimitSeconds: null,
    ...overrides,
  } as QuestionDto;
}

/** A meeting in its waiting room (version 1) unless told otherwise. */
export function newState(overrides: Partial<LiveStateDto> = {}): LiveStateDto {
  return {
    meetingId: MEETING_ID,
    version: 1,
    phase: 'waiting',
    questionIndex: null,
    questionCount: 3,
    question: null,
    openedAt: null,
    closesAt: null,
    serverTime: new Date().toISOString(),
    ...overrides,
  };
}

export function newControl(clientId: string | null, name: string | null = 'Ada'): LiveControlDto {
  return {
    meetingId: MEETING_ID,
    controllerUserId: clientId ? 'user-1' : null,
    controllerName: clientId ? name : null,
    controllerClientId: clientId,
  };
}

export function newScoreboard(attendeeCount = 0): ScoreboardDto {
  return { meetingId: MEETING_ID, attendeeCount, entries: [] };
}

export function newMyScore(overrides: Partial<MyScoreDto> = {}): MyScoreDto {
  return { attendeeId: 'a1', nickname: 'Ada', total: 0, rank: 1, attendeeCount: 1, ...overrides };
}

export function newOrganizerSnapshot(overrides: Partial<Snapshot<'organizer'>> = {}): Snapshot<'organizer'> {
  return {
    audience: 'organizer',
    state: newState(),
    results: null,
    scoreboard: newScoreboard(),
    control: newControl('tab-1'),
    present: 0,
    canControl: true,
    ...overrides,
  };
}

export function newAttendeeSnapshot(overrides: Partial<Snapshot<'attendee'>> = {}): Snapshot<'attendee'> {
  return {
    audience: 'attendee',
    state: newState(),
    results: null,
    scoreboard: newScoreboard(1),
    me: newMyScore(),
    myAnswer: null,
    myUpvotes: [],
    ...overrides,
  };
}

export function newOverlaySnapshot(overrides: Partial<Snapshot<'overlay'>> = {}): Snapshot<'overlay'> {
  return { audience: 'overlay', state: newState(), results: null, scoreboard: newScoreboard(), ...overrides };
}
