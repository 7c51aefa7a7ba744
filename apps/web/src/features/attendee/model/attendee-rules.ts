import type { ApiErrorDto, MeetingPhase, MyAnswerDto, QuestionDto, RatingScale } from '@podium/contracts';
import { isCorrectQuizAnswer, RATING_RANGES } from '@podium/questions';

/**
 * Whether the attendee's quiz answer was right, judged by libs/questions' rule from the correct
 * choices the results reveal once the question is closed. null when there is nothing to judge (no
 * answer, or the correct choices are still secret).
 */
export function wasRight(
  multiple: boolean,
  myChoiceIds: readonly string[] | null,
  correctChoiceIds: readonly string[] | null,
): boolean | null {
  if (!myChoiceIds || myChoiceIds.length === 0 || !correctChoiceIds) return null;
  const choices = correctChoiceIds.map((id) => ({ id, label: id, correct: true }));
  return isCorrectQuizAnswer({ multiple, choices }, myChoiceIds);
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

/** The scale's bounds come from libs/questions; short scales are tapped, the 0-100 one slid. */
export function ratingRange(scale: RatingScale): RatingRange {
  const { min, max } = RATING_RANGES[scale];
  const steps = scale === 'slider100' ? null : Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return { min, max, steps };
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
