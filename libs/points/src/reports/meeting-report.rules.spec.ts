import { meetingQuestionStats, rate } from './meeting-report.rules';

describe('meetingQuestionStats', () => {
  it('orders questions and computes participation and correct rates', () => {
    const stats = meetingQuestionStats(4, [
      { questionId: 'q2', position: 1, type: 'poll', title: 'Best?', answers: 2, correct: 0, scored: false },
      {
        questionId: 'q1',
        position: 0,
        type: 'quiz',
        title: 'Capital?',
        answers: 3,
        correct: 2,
        scored: true,
      },
      { questionId: 'q3', position: 2, type: 'quiz', title: 'Nobody', answers: 0, correct: 0, scored: true },
    ]);
    expect(stats.map((q) => q.questionId)).toEqual(['q1', 'q2', 'q3']);
    expect(stats[0]).toMatchObject({ answers: 3, participationRate: 0.75, correct: 2, correctRate: 0.6667 });
    expect(stats[1]).toMatchObject({ participationRate: 0.5, correct: null, correctRate: null });
    expect(stats[2]).toMatchObject({ participationRate: 0, correct: 0, correctRate: null });
  });

  it('reports zero participation when nobody attended', () => {
    expect(rate(0, 0)).toBe(0);
    expect(
      meetingQuestionStats(0, [
        { questionId: 'q', position: 0, type: 'poll', title: 't', answers: 0, correct: 0, scored: false },
      ])[0]?.participationRate,
    ).toBe(0);
  });
});
