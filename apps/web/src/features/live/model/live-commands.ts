import type { LiveStateDto, MeetingCommand, MeetingPhase } from '@podium/contracts';

/** Commands in the order the controls show them. */
export const DASHBOARD_COMMANDS = [
  'start',
  'back',
  'next',
  'close',
  'results',
  'scoreboard',
  'end',
] as const satisfies readonly MeetingCommand[];

const isSlideOpen = (state: LiveStateDto) =>
  state.phase === 'question_open' && state.question?.type === 'slide';

/**
 * Whether a command makes sense from this state: the same rules as libs/meetings `applyCommand`, so
 * the dashboard greys out what the server would refuse (it still decides).
 */
export function canSend(state: LiveStateDto, command: MeetingCommand): boolean {
  const { phase, questionIndex, questionCount } = state;
  switch (command) {
    case 'start':
      return phase === 'before' && questionCount > 0;
    case 'next': {
      const from: readonly MeetingPhase[] = ['waiting', 'question_closed', 'results', 'scoreboard'];
      const hasNext = (questionIndex ?? -1) + 1 < questionCount;
      return hasNext && (from.includes(phase) || isSlideOpen(state));
    }
    case 'back': {
      const from: readonly MeetingPhase[] = ['question_closed', 'results', 'scoreboard'];
      return questionIndex !== null && questionIndex > 0 && (from.includes(phase) || isSlideOpen(state));
    }
    case 'close':
      return phase === 'question_open' && state.question?.type !== 'slide';
    case 'results':
      return phase === 'question_closed' && state.question !== null && state.question.type !== 'slide';
    case 'scoreboard':
      return phase === 'waiting' || phase === 'question_closed' || phase === 'results';
    case 'end':
      return phase !== 'before' && phase !== 'after';
  }
}

/** The usual next step, shown as the primary button (null when the meeting is over). */
export function suggestedCommand(state: LiveStateDto): MeetingCommand | null {
  const order: readonly MeetingCommand[] = (() => {
    switch (state.phase) {
      case 'before':
        return ['start'];
      case 'waiting':
        return ['next'];
      case 'question_open':
        return ['close', 'next', 'end'];
      case 'question_closed':
        return ['results', 'next', 'scoreboard'];
      case 'results':
        return ['next', 'scoreboard'];
      case 'scoreboard':
        return ['next', 'end'];
      case 'after':
        return [];
    }
  })();
  return order.find((command) => canSend(state, command)) ?? null;
}
