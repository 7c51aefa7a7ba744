import type { ApiErrorDto, MeetingPhase, MyAnswerDto, QuestionDto, RatingScale } from '@podium/contracts';

/**
 * Whether the attendee's quiz answer was right, from the correct choices the results reveal once
 * the question is closed. Same rule as the server's `isCorrectQuizAnswer`: a single selection is
 * right when it picked a correct choice; a multiple one when it picked exactly the correct set.
 * null when there is nothing to judge (no answer, or the correct choices are still secret).
 */
export function wasRight(
  multiple: boolean,
  myChoiceIds: readonly string[] | null,
  correctChoiceIds: readonly string[] | null,
): boolean | null {
  if (!myChoiceIds || myChoiceIds.length === 0 || !correctChoiceIds) return null;
  const correct = new Set(correctChoiceIds);
  if (!multiple) return myChoiceIds.length === 1 && correct.has(myChoiceIds[0] ?? '');
  const mine = new Set(myChoiceIds);
  return mine.size === correct.size && [...mine].every((id) => correct.has(id));
}

export function myChoiceIds(answer: MyAnswerDto | null): string[] | null {
  return answer && (answer.type === 'poll' || answer.type === 'quiz') ? answer.choiceIds : null;
}

export function myWords(answer: MyAnswerDto | null): string[] {
  return answer && answer.type === 'wordcloud' ? answer.words : [];
}

export function myRating(answer: MyAnswerDto | null): number | null {
  return answer && answer.type === 'rating' ? answer.value : null;
}

/** Words the attendee may still add to a word cloud. */
export function wordsLeft(question: QuestionDto, answer: MyAnswerDto | null): number {
  if (question.type !== 'wordcloud') return 0;
  return Math.max(0, question.maxWordsPerAttendee - myWords(answer).length);
}

export interface RatingRange {
  min: number;
  max: number;
  /** Tappable values (stars, 1-10), or null for the 0-100 slider. */
  steps: number[] | null;
}

export function ratingRange(scale: RatingScale): RatingRange {
  switch (scale) {
    case 'stars5':
      return { min: 1, max: 5, steps: [1, 2, 3, 4, 5] };
    case 'ten':
      return { min: 1, max: 10, steps: Array.from({ length: 10 }, (_, i) => i + 1) };
    case 'slider100':
      return { min: 0, max: 100, steps: null };
  }
}

/**
 * Whether the attendee can send an answer now: the question is open, its timer (if any) has not run
 * out, and a change is allowed when they already answered. Word clouds take words until the limit.
 */
export function canAnswer(
  phase: MeetingPhase,
  question: QuestionDto | null,
  answer: MyAnswerDto | null,
  secondsLeft: number | null,
): boolean {
  if (phase !== 'question_open' || !question || secondsLeft === 0) return false;
  switch (question.type) {
    case 'slide':
      return false;
    case 'qa':
      return true;
    case 'wordcloud':
      return wordsLeft(question, answer) > 0;
    case 'poll':
    case 'quiz':
    case 'rating':
      return answer === null || question.allowAnswerChange;
  }
}

export type FlagProblem = 'wrongCode' | 'alreadyCaptured' | 'tooManyTries' | 'network' | 'other';

/** What went wrong with a flag code, for the message under the form. */
export function flagProblem(error: ApiErrorDto): FlagProblem {
  if (error.statusCode === 0) return 'network';
  if (error.statusCode === 429 || error.code.includes('too_many')) return 'tooManyTries';
  if (error.statusCode === 409 || error.code.includes('already')) return 'alreadyCaptured';
  if (error.statusCode === 404 || error.statusCode === 400) return 'wrongCode';
  return 'other';
}

export type JoinProblem = 'nicknameTaken' | 'unknownCode' | 'ended' | 'invalid' | 'other';

/** Why `POST /api/join` (or the preview) failed, for a message the attendee can act on. */
export function joinProblem(error: { statusCode: number; code: string }): JoinProblem {
  if (error.code === 'meeting.nickname_taken') return 'nicknameTaken';
  if (error.statusCode === 404) return 'unknownCode';
  if (error.statusCode === 409) return error.code.includes('nickname') ? 'nicknameTaken' : 'ended';
  if (error.statusCode === 400) return 'invalid';
  return 'other';
}
