import { z } from 'zod';
import { QUESTION_LIMITS } from './question-limits';

/** What an organizer can put in a meeting, in the order the editor offers them. */
export const QUESTION_TYPES = ['slide', 'poll', 'quiz', 'wordcloud', 'rating', 'qa'] as const;
export const QuestionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

export const RATING_SCALES = ['stars5', 'ten', 'slider100'] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

/** Quiz scoring: `standard` is 1 point per correct answer +1 for the first; `speed` is Kahoot-style. */
export const QUIZ_SCORINGS = ['standard', 'speed'] as const;
export type QuizScoring = (typeof QUIZ_SCORINGS)[number];

const Title = z.string().trim().min(1, { message: 'is required' }).max(QUESTION_LIMITS.titleMax);
/** null = untimed: the question stays open until the organizer closes it. */
const TimeLimit = z
  .number()
  .int()
  .min(QUESTION_LIMITS.timeLimitMinSeconds)
  .max(QUESTION_LIMITS.timeLimitMaxSeconds)
  .nullable()
  .default(null);

/** Choice ids are stable across edits so answers keep pointing at the right choice; the server fills missing ones. */
export const ChoiceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1-40 letters, digits, - or _' });

const ChoiceInput = z.object({
  id: ChoiceIdSchema.optional(),
  label: z.string().trim().min(1, { message: 'is required' }).max(QUESTION_LIMITS.choiceLabelMax),
});
const QuizChoiceInput = ChoiceInput.extend({ correct: z.boolean().default(false) });

function distinctIds(choices: { id?: string }[]): boolean {
  const ids = choices.flatMap((c) => (c.id ? [c.id] : []));
  return new Set(ids).size === ids.length;
}

const Choices = z
  .array(ChoiceInput)
  .min(QUESTION_LIMITS.choicesMin)
  .max(QUESTION_LIMITS.choicesMax)
  .refine(distinctIds, { message: 'choice ids must be distinct' });

export const SlideInputSchema = z.object({
  type: z.literal('slide'),
  title: Title,
  /** Markdown, rendered escaped: no raw HTML. */
  body: z.string().max(QUESTION_LIMITS.slideBodyMax).default(''),
  imageUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) address' })
    .max(2_000)
    .nullable()
    .default(null),
});

export const PollInputSchema = z.object({
  type: z.literal('poll'),
  title: Title,
  choices: Choices,
  multiple: z.boolean().default(false),
  hideResultsUntilClosed: z.boolean().default(false),
  allowAnswerChange: z.boolean().default(true),
  timeLimitSeconds: TimeLimit,
});

export const QuizInputSchema = z
  .object({
    type: z.literal('quiz'),
    title: Title,
    choices: z
      .array(QuizChoiceInput)
      .min(QUESTION_LIMITS.choicesMin)
      .max(QUESTION_LIMITS.choicesMax)
      .refine(distinctIds, { message: 'choice ids must be distinct' })
      .refine((choices) => choices.some((c) => c.correct), { message: 'needs at least one correct choice' }),
    /** Multiple selection: an answer is correct when it selects exactly the correct choices. */
    multiple: z.boolean().default(false),
    scoring: z.enum(QUIZ_SCORINGS).default('standard'),
    /** Speed scoring only: what an instant correct answer earns (half of it at the buzzer). */
    speedMaxPoints: z.number().int().min(1).max(QUESTION_LIMITS.speedMaxPointsMax).default(1_000),
    allowAnswerChange: z.boolean().default(false),
    timeLimitSeconds: TimeLimit,
  })
  .refine((q) => q.scoring !== 'speed' || q.timeLimitSeconds !== null, {
    message: 'speed scoring needs a time limit',
    path: ['timeLimitSeconds'],
  });

export const WordCloudInputSchema = z.object({
  type: z.literal('wordcloud'),
  title: Title,
  maxWordsPerAttendee: z.number().int().min(1).max(QUESTION_LIMITS.wordsPerAttendeeMax).default(3),
  maxWordLength: z.number().int().min(1).max(QUESTION_LIMITS.wordLengthMax).default(25),
  bannedWords: z
    .array(z.string().trim().min(1).max(QUESTION_LIMITS.wordLengthMax))
    .max(QUESTION_LIMITS.bannedWordsMax)
    .default([]),
  timeLimitSeconds: TimeLimit,
});

export const RatingInputSchema = z.object({
  type: z.literal('rating'),
  title: Title,
  scale: z.enum(RATING_SCALES).default('stars5'),
  hideResultsUntilClosed: z.boolean().default(false),
  allowAnswerChange: z.boolean().default(true),
  timeLimitSeconds: TimeLimit,
});

export const QaInputSchema = z.object({
  type: z.literal('qa'),
  title: Title,
  timeLimitSeconds: TimeLimit,
});

/** Body of create and replace: one schema per type, told apart by `type`. */
export const QuestionInputSchema = z.discriminatedUnion('type', [
  SlideInputSchema,
  PollInputSchema,
  QuizInputSchema,
  WordCloudInputSchema,
  RatingInputSchema,
  QaInputSchema,
]);
export type QuestionInput = z.input<typeof QuestionInputSchema>;
/** A question's settings after defaults are applied and choice ids are filled in. */
export type QuestionConfig = z.output<typeof QuestionInputSchema> & { choices?: { id: string }[] };

export interface ChoiceDto {
  id: string;
  label: string;
  /** Only on quiz choices, and only for organizers (attendees learn it from the results). */
  correct?: boolean;
}

interface QuestionBaseDto {
  id: string;
  meetingId: string;
  /** 0-based order in the meeting. */
  position: number;
  title: string;
  /** Set once the question has been closed in a live run: its answers are then locked. */
  closedAt: string | null;
}

export type QuestionDto = QuestionBaseDto &
  (
    | { type: 'slide'; body: string; imageUrl: string | null }
    | {
        type: 'poll';
        choices: ChoiceDto[];
        multiple: boolean;
        hideResultsUntilClosed: boolean;
        allowAnswerChange: boolean;
        timeLimitSeconds: number | null;
      }
    | {
        type: 'quiz';
        choices: ChoiceDto[];
        multiple: boolean;
        scoring: QuizScoring;
        speedMaxPoints: number;
        allowAnswerChange: boolean;
        timeLimitSeconds: number | null;
      }
    | {
        type: 'wordcloud';
        maxWordsPerAttendee: number;
        maxWordLength: number;
        /** Organizers only; attendees get an empty list. */
        bannedWords: string[];
        timeLimitSeconds: number | null;
      }
    | {
        type: 'rating';
        scale: RatingScale;
        hideResultsUntilClosed: boolean;
        allowAnswerChange: boolean;
        timeLimitSeconds: number | null;
      }
    | { type: 'qa'; timeLimitSeconds: number | null }
  );

export const ReorderQuestionsRequestSchema = z.object({
  questionIds: z.array(z.uuid()).min(1).max(QUESTION_LIMITS.questionsPerMeetingMax),
});
export type ReorderQuestionsRequest = z.input<typeof ReorderQuestionsRequestSchema>;

/** The JSON file "export questions" downloads and "import questions" accepts (appended at the end). */
export const QUESTIONS_EXPORT_FORMAT = 'podium.questions' as const;
export const QuestionsExportSchema = z.object({
  format: z.literal(QUESTIONS_EXPORT_FORMAT),
  version: z.literal(1),
  questions: z.array(QuestionInputSchema).min(1).max(QUESTION_LIMITS.questionsPerMeetingMax),
});
export type QuestionsExport = z.input<typeof QuestionsExportSchema>;

/** What an attendee sends for the open question, by type. Q&A uses its own events. */
export const AnswerInputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('poll'),
    choiceIds: z.array(ChoiceIdSchema).min(1).max(QUESTION_LIMITS.choicesMax),
  }),
  z.object({
    type: z.literal('quiz'),
    choiceIds: z.array(ChoiceIdSchema).min(1).max(QUESTION_LIMITS.choicesMax),
  }),
  /** Adds one word to the attendee's words for this cloud. */
  z.object({ type: z.literal('wordcloud'), word: z.string().max(200) }),
  z.object({ type: z.literal('rating'), value: z.number().int().min(0).max(100) }),
]);
export type AnswerInput = z.input<typeof AnswerInputSchema>;

/** The attendee's own answer to a question, as stored (words normalized). */
export type MyAnswerDto =
  | { type: 'poll' | 'quiz'; choiceIds: string[] }
  | { type: 'wordcloud'; words: string[] }
  | { type: 'rating'; value: number };

export const QaAskSchema = z.object({
  questionId: z.uuid(),
  text: z.string().trim().min(1, { message: 'is required' }).max(QUESTION_LIMITS.qaTextMax),
});
export type QaAsk = z.input<typeof QaAskSchema>;

export const QaModerateSchema = z.object({
  entryId: z.uuid(),
  pinned: z.boolean().optional(),
  answered: z.boolean().optional(),
  hidden: z.boolean().optional(),
});
export type QaModerate = z.input<typeof QaModerateSchema>;

export interface QaEntryDto {
  id: string;
  text: string;
  authorNickname: string;
  upvotes: number;
  pinned: boolean;
  answered: boolean;
  /** Hidden entries are only ever sent to organizers. */
  hidden: boolean;
  createdAt: string;
}

/** Live or final results of one question. Counts are keyed by choice id. */
export type QuestionResultsDto =
  | { type: 'slide'; questionId: string }
  | { type: 'poll'; questionId: string; answered: number; counts: Record<string, number> }
  | {
      type: 'quiz';
      questionId: string;
      answered: number;
      counts: Record<string, number>;
      /** null until the question is closed (organizers see it all along). */
      correctChoiceIds: string[] | null;
      /** Attendees whose answer was correct; null while it must stay secret. */
      correctCount: number | null;
    }
  | { type: 'wordcloud'; questionId: string; answered: number; words: { text: string; count: number }[] }
  | {
      type: 'rating';
      questionId: string;
      answered: number;
      mean: number | null;
      median: number | null;
      /** One bucket per value (stars5, ten) or per tenth (slider100: 0-9, …, 90-100). */
      distribution: { label: string; count: number }[];
    }
  | { type: 'qa'; questionId: string; entries: QaEntryDto[] };
