import type { QuizQuestionDto } from './question-types';

/** A stored time: a Date from the database, or an ISO string from the wire. */
export type Instant = Date | string;

export interface ScoredQuizAnswer {
  attendeeId: string;
  /** null (not judged) scores like a wrong answer. */
  correct: boolean | null;
  answeredAt: Instant;
}

/** Milliseconds from opening to answering; an answer stamped before the opening counts as instant. */
export function elapsedMs(openedAt: Instant, answeredAt: Instant): number {
  return Math.max(0, toMs(answeredAt) - toMs(openedAt));
}

/**
 * Points per attendee (every answering attendee is in the map, wrong answers with 0).
 *
 * - standard: 1 per correct answer, +1 for the earliest correct one; a tie on the same
 *   millisecond goes to the lower attendee id so a re-score gives the same result.
 * - speed: round(max × (1 − elapsed / limit / 2)), clamped to [max/2, max] so a late answer
 *   (accepted in the grace second) still earns half. Without a time limit there is no
 *   "speed" to measure (the contract refuses it), so it scores as standard.
 */
export function scoreQuiz(
  question: Pick<QuizQuestionDto, 'scoring' | 'speedMaxPoints' | 'timeLimitSeconds'>,
  openedAt: Instant,
  answers: readonly ScoredQuizAnswer[],
): Map<string, number> {
  const points = new Map<string, number>();
  const limitSeconds = question.timeLimitSeconds;
  if (question.scoring === 'speed' && limitSeconds !== null && limitSeconds > 0) {
    const limitMs = limitSeconds * 1_000;
    for (const answer of answers) {
      points.set(
        answer.attendeeId,
        answer.correct === true
          ? speedPoints(question.speedMaxPoints, elapsedMs(openedAt, answer.answeredAt), limitMs)
          : 0,
      );
    }
    return points;
  }

  let first: { attendeeId: string; at: number } | null = null;
  for (const answer of answers) {
    if (answer.correct !== true) {
      points.set(answer.attendeeId, 0);
      continue;
    }
    points.set(answer.attendeeId, 1);
    const at = toMs(answer.answeredAt);
    if (first === null || at < first.at || (at === first.at && answer.attendeeId < first.attendeeId)) {
      first = { attendeeId: answer.attendeeId, at };
    }
  }
  if (first !== null) points.set(first.attendeeId, 2);
  return points;
}

function speedPoints(max: number, elapsed: number, limitMs: number): number {
  const raw = max * (1 - elapsed / limitMs / 2);
  return Math.round(Math.min(max, Math.max(max / 2, raw)));
}

function toMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid time: ${String(instant)}`);
  return ms;
}
