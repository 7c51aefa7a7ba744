import type { LiveStateDto, MeetingCommand } from '@podium/contracts';
import { commandAllowed } from '@podium/meetings';

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

/** Whether the server would take this command now (libs/meetings decides; the server still checks). */
export function canSend(state: LiveStateDto, command: MeetingCommand): boolean {
  return commandAllowed(state, command, {
    questionCount: state.questionCount,
    currentType: state.question?.type ?? null,
  });
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
