import type { LiveStateDto, MeetingPhase, QuestionResultsDto } from '@podium/contracts';

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
 * but faces the audience, so it applies the attendees' rule (libs/questions `resultsVisibleTo`):
 * slides never; polls and ratings while open unless hidden until closed; quizzes (counts and the
 * correct answer) only once closed; word clouds and Q&A always, without hidden entries.
 */
export function roomResults(
  state: LiveStateDto,
  results: QuestionResultsDto | null,
): QuestionResultsDto | null {
  const question = state.question;
  if (results === null || question === null || results.questionId !== question.id) return null;
  const closed = state.phase !== 'question_open';
  switch (question.type) {
    case 'slide':
      return null;
    case 'poll':
    case 'rating':
      return closed || !question.hideResultsUntilClosed ? results : null;
    case 'quiz':
      return closed ? results : null;
    case 'wordcloud':
      return results;
    case 'qa':
      return results.type === 'qa'
        ? { ...results, entries: results.entries.filter((entry) => !entry.hidden) }
        : results;
  }
}
