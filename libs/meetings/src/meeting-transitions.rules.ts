import type { MeetingCommand, MeetingPhase, QuestionType } from '@podium/contracts';
import { MeetingRuleError } from './meeting-rule.error';

export interface LiveState {
  phase: MeetingPhase;
  /** 0-based index of the current question; null before the first one and after the end. */
  questionIndex: number | null;
}

/** What the state machine needs to know of each question, in meeting order. */
export interface QuestionStep {
  type: QuestionType;
  /** The question was closed in this run (answers locked, scored). */
  closed: boolean;
}

export interface Transition extends LiveState {
  /** Stamp the new current question as opened now (and start its timer, if it has one). */
  openQuestion: boolean;
  /** Index of a question to close as part of this transition: score it, lock its answers. */
  closeQuestion: number | null;
}

/**
 * The live state machine (docs/meetings.md, "Rules (libs)"). Pure: the caller persists the
 * transition in one transaction. Slides never need closing: they show as question_open whenever
 * they are current, and next/back leave them without closing them.
 */
export function applyCommand(
  state: LiveState,
  command: MeetingCommand,
  questions: readonly QuestionStep[],
): Transition {
  switch (command) {
    case 'start':
      return start(state, questions);
    case 'next':
      return next(state, questions);
    case 'back':
      return back(state, questions);
    case 'close':
      return close(state);
    case 'results':
      return results(state, questions);
    case 'scoreboard':
      return scoreboard(state);
    case 'end':
      return end(state);
  }
}

function start(state: LiveState, questions: readonly QuestionStep[]): Transition {
  if (state.phase !== 'before') throw illegal('start', state.phase);
  if (questions.length === 0) {
    throw new MeetingRuleError('meeting.no_questions', 'Add at least one question before starting.');
  }
  return stay('waiting', null);
}

function next(state: LiveState, questions: readonly QuestionStep[]): Transition {
  switch (state.phase) {
    case 'question_open':
      if (!isSlide(questions, state.questionIndex)) {
        throw illegal('next', state.phase, 'Close the question first.');
      }
      break;
    case 'waiting':
    case 'question_closed':
    case 'results':
    case 'scoreboard':
      break;
    case 'before':
    case 'after':
      throw illegal('next', state.phase);
  }
  if (questions.length === 0) {
    throw new MeetingRuleError('meeting.no_questions', 'The meeting has no questions: add one or end it.');
  }
  const index = (state.questionIndex ?? -1) + 1;
  const target = questions[index];
  if (target === undefined) {
    throw new MeetingRuleError(
      'meeting.no_more_questions',
      'That was the last question: show the scoreboard or end the meeting.',
    );
  }
  if (target.type === 'slide' || !target.closed) {
    return { phase: 'question_open', questionIndex: index, openQuestion: true, closeQuestion: null };
  }
  return stay('question_closed', index);
}

function back(state: LiveState, questions: readonly QuestionStep[]): Transition {
  switch (state.phase) {
    case 'question_open':
      if (!isSlide(questions, state.questionIndex)) {
        throw illegal('back', state.phase, 'Close the question first.');
      }
      break;
    case 'question_closed':
    case 'results':
    case 'scoreboard':
      break;
    case 'before':
    case 'waiting':
    case 'after':
      throw illegal('back', state.phase);
  }
  // Questions may have been deleted meanwhile: never step onto an index past the end.
  const index = Math.min((state.questionIndex ?? 0) - 1, questions.length - 1);
  const target = questions[index];
  if (target === undefined) {
    throw new MeetingRuleError(
      'meeting.no_previous_question',
      'This is the first question: use next instead.',
    );
  }
  if (target.type === 'slide') {
    return { phase: 'question_open', questionIndex: index, openQuestion: true, closeQuestion: null };
  }
  // Going back shows a question closed; one never closed (inserted behind the current one) is
  // closed now, so question_closed always means its answers are locked.
  return {
    phase: 'question_closed',
    questionIndex: index,
    openQuestion: false,
    closeQuestion: target.closed ? null : index,
  };
}

function close(state: LiveState): Transition {
  if (state.phase !== 'question_open') throw illegal('close', state.phase);
  const index = currentIndex(state, 'close');
  return { phase: 'question_closed', questionIndex: index, openQuestion: false, closeQuestion: index };
}

function results(state: LiveState, questions: readonly QuestionStep[]): Transition {
  if (state.phase !== 'question_closed') {
    throw illegal(
      'results',
      state.phase,
      state.phase === 'question_open' ? 'Close the question first.' : undefined,
    );
  }
  const index = currentIndex(state, 'results');
  if (isSlide(questions, index)) throw illegal('results', state.phase, 'Slides have no results: use next.');
  return stay('results', index);
}

function scoreboard(state: LiveState): Transition {
  switch (state.phase) {
    case 'waiting':
    case 'question_closed':
    case 'results':
      return stay('scoreboard', state.questionIndex);
    case 'question_open':
      throw illegal('scoreboard', state.phase, 'Close the question first.');
    case 'before':
    case 'scoreboard':
    case 'after':
      throw illegal('scoreboard', state.phase);
  }
}

function end(state: LiveState): Transition {
  switch (state.phase) {
    case 'before':
      throw illegal('end', state.phase, 'The meeting has not started yet.');
    case 'after':
      throw illegal('end', state.phase, 'The meeting has already ended.');
    case 'question_open':
      return {
        phase: 'after',
        questionIndex: null,
        openQuestion: false,
        closeQuestion: currentIndex(state, 'end'),
      };
    case 'waiting':
    case 'question_closed':
    case 'results':
    case 'scoreboard':
      return stay('after', null);
  }
}

function stay(phase: MeetingPhase, questionIndex: number | null): Transition {
  return { phase, questionIndex, openQuestion: false, closeQuestion: null };
}

function isSlide(questions: readonly QuestionStep[], index: number | null): boolean {
  return index !== null && questions[index]?.type === 'slide';
}

function currentIndex(state: LiveState, command: MeetingCommand): number {
  if (state.questionIndex === null) throw illegal(command, state.phase, 'There is no current question.');
  return state.questionIndex;
}

const PHASE_HINT: Record<MeetingPhase, string> = {
  before: 'Start the meeting first.',
  waiting: 'Go to the first question with next.',
  question_open: 'Close the question or go on with next.',
  question_closed: 'Show the results, the scoreboard or go on with next.',
  results: 'Show the scoreboard or go on with next.',
  scoreboard: 'Go on with next, or end the meeting.',
  after: 'The meeting has ended: reset it to run it again.',
};

function illegal(command: MeetingCommand, phase: MeetingPhase, hint?: string): MeetingRuleError {
  return new MeetingRuleError(
    'meeting.illegal_transition',
    `Cannot ${command} in phase ${phase}. ${hint ?? PHASE_HINT[phase]}`,
  );
}

/** What a client knows of the meeting: enough to tell which commands the server would take. */
export interface CommandOutline {
  questionCount: number;
  /** Type of the current question, null when there is none. */
  currentType: QuestionType | null;
}

/**
 * Whether `applyCommand` would accept `command` now. Acceptance depends only on the phase, the
 * position, the number of questions and the current question's type (never on the other
 * questions' types or closed flags, which only shape the result), so dashboards can grey out what
 * the server would refuse without holding every question.
 */
export function commandAllowed(state: LiveState, command: MeetingCommand, outline: CommandOutline): boolean {
  const questions: QuestionStep[] = Array.from({ length: outline.questionCount }, (_, index) => ({
    type: index === state.questionIndex && outline.currentType !== null ? outline.currentType : 'poll',
    closed: false,
  }));
  try {
    applyCommand(state, command, questions);
    return true;
  } catch (error) {
    if (error instanceof MeetingRuleError) return false;
    throw error;
  }
}
