import type { MeetingReportQuestionDto, QuestionType } from '@podium/contracts';

/** One question's raw counts, as a repository reads them. */
export interface MeetingQuestionCounts {
  questionId: string;
  position: number;
  type: QuestionType;
  title: string;
  answers: number;
  /** Answers marked correct. */
  correct: number;
  /** Whether the question has a right answer (a quiz with correct options). */
  scored: boolean;
}

/** A ratio rounded to 4 decimals (0.6667), 0 over nothing. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

/** Participation and correct rates per question, in meeting order. */
export function meetingQuestionStats(
  attendees: number,
  questions: readonly MeetingQuestionCounts[],
): MeetingReportQuestionDto[] {
  return [...questions]
    .sort((a, b) => a.position - b.position)
    .map((question) => ({
      questionId: question.questionId,
      position: question.position,
      type: question.type,
      title: question.title,
      answers: question.answers,
      participationRate: rate(question.answers, attendees),
      correct: question.scored ? question.correct : null,
      correctRate: question.scored && question.answers > 0 ? rate(question.correct, question.answers) : null,
    }));
}
