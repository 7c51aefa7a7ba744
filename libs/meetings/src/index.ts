export * from './meeting-rule.error';
export * from './meeting-transitions.rules';
export * from './scoreboard.rules';
export * from './codes.rules';
export * from './question-timer.rules';
// Phase and type helpers the live code needs next to the state machine; they live in questions.
export {
  QUESTION_OPEN_PHASES,
  QUESTION_CLOSED_PHASES,
  isQuestionOpenPhase,
  isQuestionClosedPhase,
  isAnswerable,
} from '@podium/questions';
