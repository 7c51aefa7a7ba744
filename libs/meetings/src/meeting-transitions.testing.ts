import type { MeetingCommand, MeetingPhase } from '@podium/contracts';
import { MeetingRuleError } from './meeting-rule.error';
import {
  applyCommand,
  type LiveState,
  type QuestionStep,
  type Transition,
} from './meeting-transitions.rules';

/** Helpers for the transition specs: expected transitions, and what applyCommand refuses. */
export const open = (questionIndex: number): Transition => ({
  phase: 'question_open',
  questionIndex,
  openQuestion: true,
  closeQuestion: null,
});
export const shown = (
  phase: MeetingPhase,
  questionIndex: number | null,
  closeQuestion: number | null = null,
): Transition => ({
  phase,
  questionIndex,
  openQuestion: false,
  closeQuestion,
});

export function refusal(
  state: LiveState,
  command: MeetingCommand,
  questions: readonly QuestionStep[],
): MeetingRuleError {
  try {
    applyCommand(state, command, questions);
  } catch (error) {
    if (error instanceof MeetingRuleError) return error;
    throw error;
  }
  throw new Error(`${command} in ${state.phase} was expected to be refused`);
}

export function accepts(
  state: LiveState,
  command: MeetingCommand,
  questions: readonly QuestionStep[],
): boolean {
  try {
    applyCommand(state, command, questions);
    return true;
  } catch (error) {
    if (error instanceof MeetingRuleError) return false;
    throw error;
  }
}
