import { MEETING_COMMANDS, MEETING_PHASES, type MeetingCommand, type MeetingPhase } from '@podium/contracts';
import type { MeetingRuleErrorCode } from './meeting-rule.error';
import {
  applyCommand,
  commandAllowed,
  type LiveState,
  type QuestionStep,
  type Transition,
} from './meeting-transitions.rules';
import { accepts, open, refusal, shown } from './meeting-transitions.testing';

/**
 * The whole table for a meeting of three questions sitting on the middle one (a quiz): every
 * command in every phase, legal or not.
 */
describe('applyCommand: every command in every phase', () => {
  const questions: QuestionStep[] = [
    { type: 'poll', closed: true },
    { type: 'quiz', closed: false },
    { type: 'rating', closed: false },
  ];
  const ILLEGAL = 'meeting.illegal_transition';
  const table: Record<
    MeetingPhase,
    { index: number | null } & Record<MeetingCommand, Transition | MeetingRuleErrorCode>
  > = {
    before: {
      index: null,
      start: shown('waiting', null),
      next: ILLEGAL,
      back: ILLEGAL,
      close: ILLEGAL,
      results: ILLEGAL,
      scoreboard: ILLEGAL,
      end: ILLEGAL,
    },
    waiting: {
      index: null,
      start: ILLEGAL,
      next: shown('question_closed', 0),
      back: ILLEGAL,
      close: ILLEGAL,
      results: ILLEGAL,
      scoreboard: shown('scoreboard', null),
      end: shown('after', null),
    },
    question_open: {
      index: 1,
      start: ILLEGAL,
      next: ILLEGAL,
      back: ILLEGAL,
      close: shown('question_closed', 1, 1),
      results: ILLEGAL,
      scoreboard: ILLEGAL,
      end: shown('after', null, 1),
    },
    question_closed: {
      index: 1,
      start: ILLEGAL,
      next: open(2),
      back: shown('question_closed', 0),
      close: ILLEGAL,
      results: shown('results', 1),
      scoreboard: shown('scoreboard', 1),
      end: shown('after', null),
    },
    results: {
      index: 1,
      start: ILLEGAL,
      next: open(2),
      back: shown('question_closed', 0),
      close: ILLEGAL,
      results: ILLEGAL,
      scoreboard: shown('scoreboard', 1),
      end: shown('after', null),
    },
    scoreboard: {
      index: 1,
      start: ILLEGAL,
      next: open(2),
      back: shown('question_closed', 0),
      close: ILLEGAL,
      results: ILLEGAL,
      scoreboard: ILLEGAL,
      end: shown('after', null),
    },
    after: {
      index: null,
      start: ILLEGAL,
      next: ILLEGAL,
      back: ILLEGAL,
      close: ILLEGAL,
      results: ILLEGAL,
      scoreboard: ILLEGAL,
      end: ILLEGAL,
    },
  };

  const cases = MEETING_PHASES.flatMap((phase) =>
    MEETING_COMMANDS.map((command) => [phase, command, table[phase][command]] as const),
  );

  it.each(cases)('%s + %s', (phase, command, expected) => {
    const state: LiveState = { phase, questionIndex: table[phase].index };
    if (typeof expected === 'string') {
      const error = refusal(state, command, questions);
      expect(error.code).toBe(expected);
      expect(error.message).toContain(command);
      expect(error.message).toContain(phase);
    } else {
      expect(applyCommand(state, command, questions)).toEqual(expected);
    }
  });

  it('covers all 49 pairs', () => {
    expect(cases).toHaveLength(MEETING_PHASES.length * MEETING_COMMANDS.length);
  });
});

describe('commandAllowed', () => {
  const types = ['slide', 'poll', 'quiz'] as const;
  const meetings: QuestionStep[][] = [
    [],
    [{ type: 'poll', closed: false }],
    [
      { type: 'slide', closed: false },
      { type: 'quiz', closed: true },
      { type: 'poll', closed: false },
    ],
    types.flatMap((type) => [
      { type, closed: true },
      { type, closed: false },
    ]),
  ];

  it('agrees with applyCommand for every phase, position, command and meeting', () => {
    let compared = 0;
    for (const questions of meetings) {
      for (const phase of MEETING_PHASES) {
        for (let index = -1; index < questions.length; index += 1) {
          const state: LiveState = { phase, questionIndex: index < 0 ? null : index };
          for (const command of MEETING_COMMANDS) {
            const accepted = accepts(state, command, questions);
            const outline = {
              questionCount: questions.length,
              currentType: index < 0 ? null : questions[index]!.type,
            };
            expect([phase, index, command, commandAllowed(state, command, outline)]).toEqual([
              phase,
              index,
              command,
              accepted,
            ]);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
