import {
  type QuestionDto,
  type QuestionInput,
  QuestionInputSchema,
  type QuestionType,
  type QuizScoring,
  type RatingScale,
} from '@podium/contracts';

/** One choice row of the editor; `key` only keeps React rows stable, `id` is the server's. */
export interface ChoiceDraft {
  key: string;
  id?: string;
  label: string;
  correct: boolean;
}

/**
 * The editor's state for one question. It is flat (every type's settings side by side) and numbers
 * stay the strings the inputs hold, so half-typed values survive until they are validated.
 */
export interface QuestionDraft {
  type: QuestionType;
  title: string;
  body: string;
  imageUrl: string;
  choices: ChoiceDraft[];
  multiple: boolean;
  hideResultsUntilClosed: boolean;
  allowAnswerChange: boolean;
  timed: boolean;
  timeLimitSeconds: string;
  scoring: QuizScoring;
  speedMaxPoints: string;
  maxWordsPerAttendee: string;
  maxWordLength: string;
  /** One banned word a line, as typed in the textarea. */
  bannedWords: string;
  scale: RatingScale;
}

let lastKey = 0;
const newKey = (): string => `choice-${++lastKey}`;

export function newChoice(label = ''): ChoiceDraft {
  return { key: newKey(), label, correct: false };
}

const DEFAULT_TIME_LIMIT = '30';

/** A blank question of a type, with the same defaults the contract schemas apply. */
export function newDraft(type: QuestionType): QuestionDraft {
  return {
    type,
    title: '',
    body: '',
    imageUrl: '',
    choices: [newChoice(), newChoice()],
    multiple: false,
    hideResultsUntilClosed: false,
    // Polls and ratings let people change their mind by default; quizzes lock the first answer.
    allowAnswerChange: type !== 'quiz',
    timed: false,
    timeLimitSeconds: DEFAULT_TIME_LIMIT,
    scoring: 'standard',
    speedMaxPoints: '1000',
    maxWordsPerAttendee: '3',
    maxWordLength: '25',
    bannedWords: '',
    scale: 'stars5',
  };
}

function withTimeLimit(draft: QuestionDraft, limit: number | null): QuestionDraft {
  return limit === null
    ? { ...draft, timed: false }
    : { ...draft, timed: true, timeLimitSeconds: String(limit) };
}

/** The editor state of a saved question. */
export function draftFromQuestion(question: QuestionDto): QuestionDraft {
  const base = { ...newDraft(question.type), title: question.title };
  switch (question.type) {
    case 'slide':
      return { ...base, body: question.body, imageUrl: question.imageUrl ?? '' };
    case 'poll':
      return withTimeLimit(
        {
          ...base,
          choices: question.choices.map((c) => ({ key: newKey(), id: c.id, label: c.label, correct: false })),
          multiple: question.multiple,
          hideResultsUntilClosed: question.hideResultsUntilClosed,
          allowAnswerChange: question.allowAnswerChange,
        },
        question.timeLimitSeconds,
      );
    case 'quiz':
      return withTimeLimit(
        {
          ...base,
          choices: question.choices.map((c) => ({
            key: newKey(),
            id: c.id,
            label: c.label,
            correct: c.correct === true,
          })),
          multiple: question.multiple,
          scoring: question.scoring,
          speedMaxPoints: String(question.speedMaxPoints),
          allowAnswerChange: question.allowAnswerChange,
        },
        question.timeLimitSeconds,
      );
    case 'wordcloud':
      return withTimeLimit(
        {
          ...base,
          maxWordsPerAttendee: String(question.maxWordsPerAttendee),
          maxWordLength: String(question.maxWordLength),
          bannedWords: question.bannedWords.join('\n'),
        },
        question.timeLimitSeconds,
      );
    case 'rating':
      return withTimeLimit(
        {
          ...base,
          scale: question.scale,
          hideResultsUntilClosed: question.hideResultsUntilClosed,
          allowAnswerChange: question.allowAnswerChange,
        },
        question.timeLimitSeconds,
      );
    case 'qa':
      return withTimeLimit(base, question.timeLimitSeconds);
  }
}

/** A number input's text as a number; anything else becomes NaN so the schema names the field. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** Banned words: one a line, blank lines dropped, each kept once. */
export function parseBannedWords(text: string): string[] {
  const words = text
    .split(/\r?\n/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
  return [...new Set(words)];
}

const timeLimitOf = (draft: QuestionDraft): number | null =>
  draft.timed ? parseNumber(draft.timeLimitSeconds) : null;

/** The request body for create and replace: only the fields of the draft's type. */
export function draftToInput(draft: QuestionDraft): QuestionInput {
  const title = draft.title;
  const choices = draft.choices.map((choice) => ({
    ...(choice.id ? { id: choice.id } : {}),
    label: choice.label,
  }));
  const quizChoices = draft.choices.map((choice, index) => ({ ...choices[index], correct: choice.correct }));
  switch (draft.type) {
    case 'slide':
      return {
        type: 'slide',
        title,
        body: draft.body,
        imageUrl: draft.imageUrl.trim() === '' ? null : draft.imageUrl.trim(),
      };
    case 'poll':
      return {
        type: 'poll',
        title,
        choices,
        multiple: draft.multiple,
        hideResultsUntilClosed: draft.hideResultsUntilClosed,
        allowAnswerChange: draft.allowAnswerChange,
        timeLimitSeconds: timeLimitOf(draft),
      };
    case 'quiz':
      return {
        type: 'quiz',
        title,
        choices: quizChoices,
        multiple: draft.multiple,
        scoring: draft.scoring,
        speedMaxPoints: parseNumber(draft.speedMaxPoints),
        allowAnswerChange: draft.allowAnswerChange,
        timeLimitSeconds: timeLimitOf(draft),
      };
    case 'wordcloud':
      return {
        type: 'wordcloud',
        title,
        maxWordsPerAttendee: parseNumber(draft.maxWordsPerAttendee),
        maxWordLength: parseNumber(draft.maxWordLength),
        bannedWords: parseBannedWords(draft.bannedWords),
        timeLimitSeconds: timeLimitOf(draft),
      };
    case 'rating':
      return {
        type: 'rating',
        title,
        scale: draft.scale,
        hideResultsUntilClosed: draft.hideResultsUntilClosed,
        allowAnswerChange: draft.allowAnswerChange,
        timeLimitSeconds: timeLimitOf(draft),
      };
    case 'qa':
      return { type: 'qa', title, timeLimitSeconds: timeLimitOf(draft) };
  }
}

export type FieldErrors = Record<string, string>;

/**
 * Checks the draft with the contract schema the server uses, so most mistakes are shown before a
 * round trip. Errors are keyed by the same dotted field paths a 400 response carries.
 */
export function validateDraft(draft: QuestionDraft): { input: QuestionInput; errors: FieldErrors } {
  const input = draftToInput(draft);
  const result = QuestionInputSchema.safeParse(input);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      if (!(field in errors)) errors[field] = issue.message;
    }
  }
  return { input, errors };
}

/** The message for a field, or for anything inside it (`bannedWords` also matches `bannedWords.3`). */
export function errorFor(
  errors: Readonly<Record<string, string | undefined>>,
  field: string,
): string | undefined {
  if (errors[field]) return errors[field];
  const nested = Object.keys(errors).find((key) => key.startsWith(`${field}.`));
  return nested ? errors[nested] : undefined;
}

/** Whether two drafts would save the same question (row keys and hidden settings do not count). */
export function isSameDraft(a: QuestionDraft, b: QuestionDraft): boolean {
  return JSON.stringify(draftToInput(a)) === JSON.stringify(draftToInput(b));
}

/** Types that have choices to edit. */
export const hasChoices = (type: QuestionType): type is 'poll' | 'quiz' => type === 'poll' || type === 'quiz';
/** Types that can be timed (every type but slides). */
export const isTimeable = (type: QuestionType): boolean => type !== 'slide';
