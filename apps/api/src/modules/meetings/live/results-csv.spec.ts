import type { QuestionDto } from '@podium/contracts';
import { neutralizeFormula, resultRows, toResultsCsv, toScoreboardCsv } from './results-csv';

const quiz: QuestionDto = {
  id: 'q1',
  meetingId: 'm1',
  position: 2,
  title: 'Capital of France?',
  closedAt: null,
  type: 'quiz',
  choices: [
    { id: 'a', label: 'Paris', correct: true },
    { id: 'b', label: '=HYPERLINK("http://evil")', correct: false },
  ],
  multiple: false,
  scoring: 'standard',
  speedMaxPoints: 1000,
  allowAnswerChange: false,
  timeLimitSeconds: null,
};

describe('results CSV', () => {
  it('neutralizes cells a spreadsheet would run as formulas', () => {
    for (const risky of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutralizeFormula(risky)).toBe(`'${risky}`);
    }
    expect(neutralizeFormula('Paris')).toBe('Paris');
    expect(neutralizeFormula('a=b')).toBe('a=b');
  });

  it('has one row per choice with share, correctness and correct rate for a quiz', () => {
    const rows = resultRows(quiz, {
      type: 'quiz',
      questionId: 'q1',
      answered: 4,
      counts: { a: 3, b: 1 },
      correctChoiceIds: ['a'],
      correctCount: 3,
    });
    expect(rows).toEqual([
      [3, 'Capital of France?', 'quiz', 'Paris', 3, 75, 'yes', 4, 75],
      [3, 'Capital of France?', 'quiz', '=HYPERLINK("http://evil")', 1, 25, 'no', 4, 75],
    ]);
  });

  it('writes a UTF-8 file with a header, quoting and the formula guard', () => {
    const csv = toResultsCsv([
      {
        question: quiz,
        results: {
          type: 'quiz',
          questionId: 'q1',
          answered: 0,
          counts: { a: 0, b: 0 },
          correctChoiceIds: ['a'],
          correctCount: 0,
        },
      },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\n');
    expect(lines).toEqual([
      'Position,Question,Type,Option,Count,Share (%),Correct,Answered,Correct rate (%)',
      '3,Capital of France?,quiz,Paris,0,0,yes,0,0',
      `3,Capital of France?,quiz,"'=HYPERLINK(""http://evil"")",0,0,no,0,0`,
    ]);
  });

  it('lists the scoreboard with every attendee', () => {
    const csv = toScoreboardCsv([
      { attendeeId: 'x', nickname: 'Ana', rank: 1, quizPoints: 2, flagPoints: 50, total: 52 },
      { attendeeId: 'y', nickname: '-Bob', rank: 2, quizPoints: 0, flagPoints: 0, total: 0 },
    ]);
    expect(csv.slice(1).trim().split('\n')).toEqual([
      'Rank,Nickname,Quiz points,Flag points,Total',
      '1,Ana,2,50,52',
      "2,'-Bob,0,0,0",
    ]);
  });
});
