import type {
  CreateMeetingRequest,
  LiveStateDto,
  MeetingDto,
  MeetingSummaryDto,
  QuestionDto,
  QuestionInput,
  QuestionResultsDto,
  ReorderQuestionsRequest,
  ScoreboardDto,
  UpdateMeetingRequest,
} from '@podium/contracts';
import type { LiveCommandRequest, MeetingLiveViewDto, MeetingResultsDto } from './meetings-v1.schemas';

/** Examples for the OpenAPI document: one consistent meeting, seen through every operation. */

const WORKSPACE_ID = '5d7c2b9e-1f0a-4c3e-8d6b-2a9e4f1c7b30';
const MEETING_ID = '8a4e2f10-3b6c-4d7e-9f21-0c5b7a8d9e12';
const POLL_ID = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a10';
const QUIZ_ID = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c61';
const ALICE = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e72';
const BOB = '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f83';

export const CREATE_MEETING_EXAMPLE: CreateMeetingRequest = {
  title: 'Friday quiz night',
  description: 'Three rounds, the winner picks the next game',
  kind: 'both',
  chat: { answers: true, announceOpen: true },
};

export const UPDATE_MEETING_EXAMPLE: UpdateMeetingRequest = { title: 'Friday quiz night (finals)' };

export const POLL_INPUT_EXAMPLE: QuestionInput = {
  type: 'poll',
  title: 'Which game next?',
  choices: [{ label: 'Chess' }, { label: 'Go' }],
};

export const QUIZ_INPUT_EXAMPLE: QuestionInput = {
  type: 'quiz',
  title: 'What is the capital of Australia?',
  choices: [
    { label: 'Sydney', correct: false },
    { label: 'Canberra', correct: true },
  ],
  timeLimitSeconds: 30,
};

export const POLL_EXAMPLE: QuestionDto = {
  id: POLL_ID,
  meetingId: MEETING_ID,
  position: 0,
  type: 'poll',
  title: 'Which game next?',
  choices: [
    { id: 'c1Xa9Q_b', label: 'Chess' },
    { id: 'd4Yq2Z-k', label: 'Go' },
  ],
  multiple: false,
  hideResultsUntilClosed: false,
  allowAnswerChange: true,
  timeLimitSeconds: null,
  closedAt: null,
};

export const QUIZ_EXAMPLE: QuestionDto = {
  id: QUIZ_ID,
  meetingId: MEETING_ID,
  position: 1,
  type: 'quiz',
  title: 'What is the capital of Australia?',
  choices: [
    { id: 'q7Hn3M1p', label: 'Sydney', correct: false },
    { id: 'w2Rt8K0s', label: 'Canberra', correct: true },
  ],
  multiple: false,
  scoring: 'standard',
  speedMaxPoints: 1000,
  allowAnswerChange: false,
  timeLimitSeconds: 30,
  closedAt: null,
};

export const MEETING_SUMMARY_EXAMPLE: MeetingSummaryDto = {
  id: MEETING_ID,
  workspaceId: WORKSPACE_ID,
  title: 'Friday quiz night',
  description: 'Three rounds, the winner picks the next game',
  kind: 'both',
  joinCode: 'K7QX2M',
  phase: 'before',
  questionCount: 2,
  chat: {
    answers: true,
    announceOpen: true,
    announceClose: true,
    announceResults: true,
    wordCloud: 'command',
  },
  createdAt: '2026-11-20T18:00:00.000Z',
  updatedAt: '2026-11-20T18:05:00.000Z',
};

export const MEETING_EXAMPLE: MeetingDto = {
  ...MEETING_SUMMARY_EXAMPLE,
  questions: [POLL_EXAMPLE, QUIZ_EXAMPLE],
};

export const REORDER_EXAMPLE: ReorderQuestionsRequest = { questionIds: [QUIZ_ID, POLL_ID] };

export const COMMAND_EXAMPLE: LiveCommandRequest = { expectedVersion: 3 };

export const LIVE_STATE_EXAMPLE: LiveStateDto = {
  meetingId: MEETING_ID,
  version: 4,
  phase: 'question_open',
  questionIndex: 1,
  questionCount: 2,
  question: QUIZ_EXAMPLE,
  openedAt: '2026-11-20T19:02:10.000Z',
  closesAt: '2026-11-20T19:02:40.000Z',
  serverTime: '2026-11-20T19:02:10.020Z',
};

export const SCOREBOARD_EXAMPLE: ScoreboardDto = {
  meetingId: MEETING_ID,
  attendeeCount: 2,
  entries: [
    { attendeeId: ALICE, nickname: 'alice', rank: 1, quizPoints: 2, flagPoints: 0, total: 2 },
    {
      attendeeId: BOB,
      nickname: 'bob_on_twitch',
      rank: 2,
      quizPoints: 0,
      flagPoints: 0,
      total: 0,
      platform: 'twitch',
    },
  ],
};

const QUIZ_RESULTS_EXAMPLE: QuestionResultsDto = {
  type: 'quiz',
  questionId: QUIZ_ID,
  answered: 2,
  counts: { q7Hn3M1p: 1, w2Rt8K0s: 1 },
  correctChoiceIds: ['w2Rt8K0s'],
  correctCount: 1,
};

export const LIVE_VIEW_EXAMPLE: MeetingLiveViewDto = {
  state: { ...LIVE_STATE_EXAMPLE, phase: 'question_closed', closesAt: null, version: 5 },
  results: QUIZ_RESULTS_EXAMPLE,
  scoreboard: SCOREBOARD_EXAMPLE,
  control: { meetingId: MEETING_ID, controllerUserId: null, controllerName: null, controllerClientId: null },
};

export const RESULTS_EXAMPLE: MeetingResultsDto = {
  meetingId: MEETING_ID,
  title: 'Friday quiz night',
  phase: 'after',
  questions: [
    {
      question: { ...POLL_EXAMPLE, closedAt: '2026-11-20T19:01:30.000Z' },
      results: { type: 'poll', questionId: POLL_ID, answered: 2, counts: { c1Xa9Q_b: 2, 'd4Yq2Z-k': 0 } },
    },
    {
      question: { ...QUIZ_EXAMPLE, closedAt: '2026-11-20T19:02:40.000Z' },
      results: QUIZ_RESULTS_EXAMPLE,
    },
  ],
};
