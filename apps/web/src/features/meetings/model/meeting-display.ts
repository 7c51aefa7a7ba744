import type { MeetingPhase } from '@podium/contracts';

/** Badge tone of a phase: not started and ended are quiet, anything live stands out. */
export function phaseTone(phase: MeetingPhase): 'neutral' | 'accent' | 'muted' {
  switch (phase) {
    case 'before':
      return 'muted';
    case 'after':
      return 'neutral';
    case 'waiting':
    case 'question_open':
    case 'question_closed':
    case 'results':
    case 'scoreboard':
      return 'accent';
  }
}
