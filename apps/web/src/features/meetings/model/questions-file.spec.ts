import { exportFileName, parseQuestionsFile } from './questions-file';

describe('parseQuestionsFile', () => {
  it('reads JSON and leaves its checking to the server', () => {
    expect(parseQuestionsFile('{"format":"podium.questions","version":1,"questions":[]}')).toEqual({
      ok: true,
      value: { format: 'podium.questions', version: 1, questions: [] },
    });
    expect(parseQuestionsFile('[1, 2]')).toEqual({ ok: true, value: [1, 2] });
  });

  it('says so when the file is not JSON', () => {
    expect(parseQuestionsFile('title,type\nHello,slide')).toEqual({ ok: false });
    expect(parseQuestionsFile('')).toEqual({ ok: false });
  });
});

describe('exportFileName', () => {
  it('makes a safe file name from the meeting title', () => {
    expect(exportFileName('Team quiz #2')).toBe('team-quiz-2-questions.json');
    expect(exportFileName('Réunion d’équipe — été')).toBe('reunion-d-equipe-ete-questions.json');
    expect(exportFileName('???')).toBe('meeting-questions.json');
    expect(exportFileName('a'.repeat(100))).toBe(`${'a'.repeat(60)}-questions.json`);
  });
});
