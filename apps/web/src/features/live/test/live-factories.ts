import type { LiveControlDto, LiveStateDto, MeetingSnapshotDto, QuestionDto } from '@podium/contracts';

export const MEETING_ID = '00000000-0000-4000-8000-000000000001';

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

export function newOrganizerSnapshot(
  overrides: Partial<Extract<MeetingSnapshotDto, { audience: 'organizer' }>> = {},
): MeetingSnapshotDto {
  return {
    audience: 'organizer',
    state: newState(),
    results: null,
    scoreboard: { meetingId: MEETING_ID, attendeeCount: 0, entries: [] },
    control: newControl('tab-1'),
    present: 0,
    canControl: true,
    ...overrides,
  };
}
