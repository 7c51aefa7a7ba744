import type { LiveStateDto, QuestionDto, SocketAudience } from '@podium/contracts';
import type { MeetingEntity } from '../meeting.entity';
import { toQuestionDto } from '../meetings.mapper';
import type { QuestionEntity } from '../question.entity';

/**
 * A question as attendees and overlays may see it: no quiz `correct` flags (they would give the
 * answer away) and no banned words (the list itself is offensive, and tells how to dodge it).
 */
export function toPublicQuestion(question: QuestionDto): QuestionDto {
  switch (question.type) {
    case 'quiz':
      return { ...question, choices: question.choices.map(({ id, label }) => ({ id, label })) };
    case 'wordcloud':
      return { ...question, bannedWords: [] };
    case 'slide':
    case 'poll':
    case 'rating':
    case 'qa':
      return question;
  }
}

/** The one place deciding what of a question each audience gets. */
export function questionFor(audience: SocketAudience, question: QuestionDto): QuestionDto {
  switch (audience) {
    case 'organizer':
      return question;
    case 'attendee':
    case 'overlay':
      return toPublicQuestion(question);
  }
}

/** `state` (the organizers' view) as `audience` may see it. */
export function stateFor(audience: SocketAudience, state: LiveStateDto): LiveStateDto {
  return state.question ? { ...state, question: questionFor(audience, state.question) } : state;
}

/** Index of the meeting's current question in `questions` (in order), or null. */
export function currentIndexOf(meeting: MeetingEntity, questions: readonly QuestionEntity[]): number | null {
  if (meeting.currentQuestionId === null) return null;
  const index = questions.findIndex((q) => q.id === meeting.currentQuestionId);
  return index < 0 ? null : index;
}

/** The organizers' view of the live state; `questions` are the meeting's, in order. */
export function toLiveState(
  meeting: MeetingEntity,
  questions: readonly QuestionEntity[],
  now: Date = new Date(),
): LiveStateDto {
  const index = currentIndexOf(meeting, questions);
  const current = index === null ? undefined : questions[index];
  return {
    meetingId: meeting.id,
    version: meeting.liveVersion,
    phase: meeting.phase,
    questionIndex: index,
    questionCount: questions.length,
    question: current ? toQuestionDto(current) : null,
    openedAt: current ? (meeting.questionOpenedAt?.toISOString() ?? null) : null,
    closesAt: meeting.phase === 'question_open' ? (meeting.questionClosesAt?.toISOString() ?? null) : null,
    serverTime: now.toISOString(),
  };
}
