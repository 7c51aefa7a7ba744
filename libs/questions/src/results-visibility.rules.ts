import type { MeetingPhase, QaEntryDto, QuestionType, SocketAudience } from '@podium/contracts';

/** Phases in which the current question takes answers. */
export const QUESTION_OPEN_PHASES = ['question_open'] as const satisfies readonly MeetingPhase[];
/** Phases in which the current question has been closed (its answers are locked and scored). */
export const QUESTION_CLOSED_PHASES = [
  'question_closed',
  'results',
  'scoreboard',
] as const satisfies readonly MeetingPhase[];

export function isQuestionOpenPhase(phase: MeetingPhase): boolean {
  return (QUESTION_OPEN_PHASES as readonly MeetingPhase[]).includes(phase);
}

export function isQuestionClosedPhase(phase: MeetingPhase): boolean {
  return (QUESTION_CLOSED_PHASES as readonly MeetingPhase[]).includes(phase);
}

/**
 * Whether an audience may see the current question's results. Organizers always; attendees and
 * overlays: slides never; polls and ratings while open unless `hideResultsUntilClosed`, always
 * once closed; quizzes only once closed (counts and correct answer together, so the counts do not
 * give the answer away); word clouds and Q&A always. Outside a question (before, waiting, after)
 * there are no current results to show.
 */
export function resultsVisibleTo(
  audience: SocketAudience,
  question: { type: QuestionType; hideResultsUntilClosed?: boolean },
  phase: MeetingPhase,
): boolean {
  switch (audience) {
    case 'organizer':
      return true;
    case 'attendee':
    case 'overlay':
      break;
  }
  const open = isQuestionOpenPhase(phase);
  const closed = isQuestionClosedPhase(phase);
  switch (question.type) {
    case 'slide':
      return false;
    case 'poll':
    case 'rating':
      return closed || (open && question.hideResultsUntilClosed !== true);
    case 'quiz':
      return closed;
    case 'wordcloud':
    case 'qa':
      return open || closed;
  }
}

/** Whether a quiz's correct answer may be shown: `reveal` for `buildResults`. */
export function revealCorrectAnswer(audience: SocketAudience, phase: MeetingPhase): boolean {
  return audience === 'organizer' || isQuestionClosedPhase(phase);
}

/** Hidden Q&A entries are only ever sent to organizers. */
export function visibleQaEntries(audience: SocketAudience, entries: readonly QaEntryDto[]): QaEntryDto[] {
  return audience === 'organizer' ? [...entries] : entries.filter((entry) => !entry.hidden);
}
