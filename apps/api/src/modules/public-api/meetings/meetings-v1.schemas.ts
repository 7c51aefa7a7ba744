import {
  type LiveControlDto,
  type LiveStateDto,
  MEETING_KINDS,
  MEETING_PHASES,
  MeetingChatSettingsSchema,
  type MeetingDto,
  type MeetingSummaryDto,
  type ParticipantPlatform,
  PLATFORMS,
  type QuestionDto,
  type QuestionResultsDto,
  QUIZ_SCORINGS,
  RATING_SCALES,
  type ScoreboardDto,
} from '@podium/contracts';
import { z } from 'zod';

/**
 * The v1 meetings API's wire shapes as zod schemas, for the OpenAPI document and the v1-only
 * request bodies. The response schemas restate the contracts' DTO interfaces; the `Same` checks
 * at the bottom stop the build when the two drift apart.
 */

// ---- Requests (v1 only; meeting and question bodies reuse the contracts' schemas) ----

/** Body of every live command (optional: an empty body is fine). */
export const LiveCommandRequestSchema = z
  .object({
    /** The `version` of the live state the caller last saw: the command is refused (409) if the meeting moved on. */
    expectedVersion: z.number().int().min(0).optional(),
  })
  .strict();
export type LiveCommandRequest = z.output<typeof LiveCommandRequestSchema>;

/** `?top=` of the scoreboard: how many entries (the dashboard shows 100). */
export const ScoreboardTopSchema = z.coerce.number().int().min(1).max(1_000).default(100);

// ---- Responses ----

const IsoDate = z.string().describe('ISO 8601 date-time');
const TimeLimit = z.number().int().nullable().describe('Seconds; null: open until closed by hand');

const ChoiceSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Quiz choices only. */
  correct: z.boolean().optional(),
});

const QuestionBase = {
  id: z.uuid(),
  meetingId: z.uuid(),
  position: z.number().int().describe('0-based order in the meeting'),
  title: z.string(),
  closedAt: IsoDate.nullable().describe('Set once closed in a live run: answers are locked'),
};

export const QuestionDtoSchema = z.discriminatedUnion('type', [
  z.object({ ...QuestionBase, type: z.literal('slide'), body: z.string(), imageUrl: z.string().nullable() }),
  z.object({
    ...QuestionBase,
    type: z.literal('poll'),
    choices: z.array(ChoiceSchema),
    multiple: z.boolean(),
    hideResultsUntilClosed: z.boolean(),
    allowAnswerChange: z.boolean(),
    timeLimitSeconds: TimeLimit,
  }),
  z.object({
    ...QuestionBase,
    type: z.literal('quiz'),
    choices: z.array(ChoiceSchema),
    multiple: z.boolean(),
    scoring: z.enum(QUIZ_SCORINGS),
    speedMaxPoints: z.number().int(),
    allowAnswerChange: z.boolean(),
    timeLimitSeconds: TimeLimit,
  }),
  z.object({
    ...QuestionBase,
    type: z.literal('wordcloud'),
    maxWordsPerAttendee: z.number().int(),
    maxWordLength: z.number().int(),
    bannedWords: z.array(z.string()),
    timeLimitSeconds: TimeLimit,
  }),
  z.object({
    ...QuestionBase,
    type: z.literal('rating'),
    scale: z.enum(RATING_SCALES),
    hideResultsUntilClosed: z.boolean(),
    allowAnswerChange: z.boolean(),
    timeLimitSeconds: TimeLimit,
  }),
  z.object({ ...QuestionBase, type: z.literal('qa'), timeLimitSeconds: TimeLimit }),
]);

export const MeetingSummaryDtoSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(MEETING_KINDS),
  joinCode: z.string().describe('What attendees type at /join'),
  phase: z.enum(MEETING_PHASES),
  questionCount: z.number().int(),
  chat: MeetingChatSettingsSchema,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const MeetingDtoSchema = MeetingSummaryDtoSchema.extend({
  questions: z.array(QuestionDtoSchema).describe('In order'),
});

export const LiveStateDtoSchema = z.object({
  meetingId: z.uuid(),
  version: z.number().int().describe('+1 on every transition; send it back as expectedVersion'),
  phase: z.enum(MEETING_PHASES),
  questionIndex: z
    .number()
    .int()
    .nullable()
    .describe('0-based; null before the first question and after the end'),
  questionCount: z.number().int(),
  question: QuestionDtoSchema.nullable(),
  openedAt: IsoDate.nullable(),
  closesAt: IsoDate.nullable().describe('Set while a timed question is open'),
  serverTime: IsoDate,
});

export const LiveControlDtoSchema = z.object({
  meetingId: z.uuid(),
  controllerUserId: z.uuid().nullable(),
  controllerName: z.string().nullable(),
  controllerClientId: z.string().nullable().describe('The dashboard tab holding control; null: none'),
});

const ScoreEntrySchema = z.object({
  attendeeId: z.uuid(),
  nickname: z.string(),
  rank: z.number().int().describe('Competition ranking: equal totals share a rank (1, 2, 2, 4)'),
  quizPoints: z.number().int(),
  flagPoints: z.number().int(),
  total: z.number().int(),
  platform: z
    .enum(PLATFORMS.filter((p): p is ParticipantPlatform => p !== 'inroom'))
    .optional()
    .describe('Set for stream chat participants'),
});

export const ScoreboardDtoSchema = z.object({
  meetingId: z.uuid(),
  attendeeCount: z.number().int(),
  entries: z.array(ScoreEntrySchema).describe('Best first'),
});

const Counts = z.record(z.string(), z.number().int()).describe('Answers per choice id');

const QaEntrySchema = z.object({
  id: z.uuid(),
  text: z.string(),
  authorNickname: z.string(),
  upvotes: z.number().int(),
  pinned: z.boolean(),
  answered: z.boolean(),
  hidden: z.boolean(),
  createdAt: IsoDate,
});

export const QuestionResultsDtoSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('slide'), questionId: z.uuid() }),
  z.object({ type: z.literal('poll'), questionId: z.uuid(), answered: z.number().int(), counts: Counts }),
  z.object({
    type: z.literal('quiz'),
    questionId: z.uuid(),
    answered: z.number().int(),
    counts: Counts,
    correctChoiceIds: z.array(z.string()).nullable(),
    correctCount: z.number().int().nullable(),
  }),
  z.object({
    type: z.literal('wordcloud'),
    questionId: z.uuid(),
    answered: z.number().int(),
    words: z.array(z.object({ text: z.string(), count: z.number().int() })),
  }),
  z.object({
    type: z.literal('rating'),
    questionId: z.uuid(),
    answered: z.number().int(),
    mean: z.number().nullable(),
    median: z.number().nullable(),
    distribution: z.array(z.object({ label: z.string(), count: z.number().int() })),
  }),
  z.object({ type: z.literal('qa'), questionId: z.uuid(), entries: z.array(QaEntrySchema) }),
]);

/** `GET …/meetings/:meetingId/live`: what the organizers' dashboard shows right now. */
export const MeetingLiveViewDtoSchema = z.object({
  state: LiveStateDtoSchema,
  results: QuestionResultsDtoSchema.nullable().describe(
    "The current question's results, as organizers see them",
  ),
  scoreboard: ScoreboardDtoSchema.describe('The top 100'),
  control: LiveControlDtoSchema,
});
export type MeetingLiveViewDto = z.infer<typeof MeetingLiveViewDtoSchema>;

/** `GET …/meetings/:meetingId/results`: every question with its results, as organizers see them. */
export const MeetingResultsDtoSchema = z.object({
  meetingId: z.uuid(),
  title: z.string(),
  phase: z.enum(MEETING_PHASES),
  questions: z.array(z.object({ question: QuestionDtoSchema, results: QuestionResultsDtoSchema })),
});
export type MeetingResultsDto = z.infer<typeof MeetingResultsDtoSchema>;

// ---- The schemas above must say exactly what the contracts' DTOs say ----

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type SchemasMatchContracts = [
  Assert<Same<z.infer<typeof QuestionDtoSchema>, QuestionDto>>,
  Assert<Same<z.infer<typeof MeetingSummaryDtoSchema>, MeetingSummaryDto>>,
  Assert<Same<z.infer<typeof MeetingDtoSchema>, MeetingDto>>,
  Assert<Same<z.infer<typeof LiveStateDtoSchema>, LiveStateDto>>,
  Assert<Same<z.infer<typeof LiveControlDtoSchema>, LiveControlDto>>,
  Assert<Same<z.infer<typeof ScoreboardDtoSchema>, ScoreboardDto>>,
  Assert<Same<z.infer<typeof QuestionResultsDtoSchema>, QuestionResultsDto>>,
];
