import type { LiveStateDto, MeetingPhase, QuestionResultsDto } from '@podium/contracts';
import { resultsVisibleTo, visibleQaEntries } from '@podium/questions';

/** How many attendees answered the current question (Q&A: entries asked); null for slides. */
export function answeredCount(results: QuestionResultsDto | null): number | null {
  if (results === null) return null;
  switch (results.type) {
    case 'slide':
      return null;
    case 'qa':
      return results.entries.length;
    case 'poll':
    case 'quiz':
    case 'wordcloud':
    case 'rating':
      return results.answered;
  }
}

export type RoomScene = 'join' | 'question' | 'scoreboard' | 'thanks';

/** What the room screen shows in each phase. */
export function roomScene(phase: MeetingPhase): RoomScene {
  switch (phase) {
    case 'before':
    case 'waiting':
      return 'join';
    case 'question_open':
    case 'question_closed':
    case 'results':
      return 'question';
    case 'scoreboard':
      return 'scoreboard';
    case 'after':
      return 'thanks';
  }
}

/**
 * The results the room screen may show: it runs on an organizer's session (which sees everything)
 * but faces the audience, so it applies the attendees' rule from libs/questions.
 */
export function roomResults(
  state: LiveStateDto,
  results: QuestionResultsDto | null,
): QuestionResultsDto | null {
  const question = state.question;
  if (results === null || question === null || results.questionId !== question.id) return null;
  if (!resultsVisibleTo('attendee', question, state.phase)) return null;
  return results.type === 'qa'
    ? { ...results, entries: visibleQaEntries('attendee', results.entries) }
    : results;
}
