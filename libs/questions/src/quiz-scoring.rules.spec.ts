import { elapsedMs, scoreQuiz, type ScoredQuizAnswer } from './quiz-scoring.rules';
import { newQuiz } from './test/question.factory';

const OPENED = new Date('2025-01-01T10:00:00.000Z');
const at = (ms: number): Date => new Date(OPENED.getTime() + ms);
const answer = (attendeeId: string, correct: boolean | null, ms: number): ScoredQuizAnswer => ({
  attendeeId,
  correct,
  answeredAt: at(ms),
});

describe('elapsedMs', () => {
  it('measures from opening, accepting dates and ISO strings', () => {
    expect(elapsedMs(OPENED, at(1_500))).toBe(1_500);
    expect(elapsedMs(OPENED.toISOString(), at(1_500).toISOString())).toBe(1_500);
  });

  it('counts an answer stamped before the opening as instant', () => {
    expect(elapsedMs(OPENED, at(-20))).toBe(0);
  });

  it('refuses an invalid time', () => {
    expect(() => elapsedMs('not a date', OPENED)).toThrow(RangeError);
  });
});

describe('scoreQuiz, standard', () => {
  const quiz = newQuiz();

  it('gives 1 per correct answer, +1 for the earliest, 0 for wrong ones', () => {
    const points = scoreQuiz(quiz, OPENED, [
      answer('c', true, 3_000),
      answer('a', false, 500),
      answer('b', true, 1_000),
      answer('d', null, 100),
    ]);
    expect(Object.fromEntries(points)).toEqual({ a: 0, b: 2, c: 1, d: 0 });
  });

  it('breaks a same-millisecond tie by the lower attendee id, whatever the input order', () => {
    const answers = [answer('zed', true, 1_000), answer('amy', true, 1_000), answer('bob', true, 2_000)];
    expect(Object.fromEntries(scoreQuiz(quiz, OPENED, answers))).toEqual({ amy: 2, zed: 1, bob: 1 });
    expect(Object.fromEntries(scoreQuiz(quiz, OPENED, [...answers].reverse()))).toEqual({
      amy: 2,
      zed: 1,
      bob: 1,
    });
  });

  it('gives nobody the bonus when nobody is right', () => {
    expect(
      Object.fromEntries(scoreQuiz(quiz, OPENED, [answer('a', false, 1), answer('b', false, 2)])),
    ).toEqual({
      a: 0,
      b: 0,
    });
  });

  it('works untimed and with no answers', () => {
    expect(scoreQuiz(quiz, OPENED, []).size).toBe(0);
    expect(Object.fromEntries(scoreQuiz(quiz, OPENED, [answer('a', true, 3_600_000)]))).toEqual({ a: 2 });
  });
});

describe('scoreQuiz, speed', () => {
  const quiz = newQuiz({ scoring: 'speed', speedMaxPoints: 1_000, timeLimitSeconds: 20 });
  const pointsAt = (ms: number, correct = true): number | undefined =>
    scoreQuiz(quiz, OPENED, [answer('a', correct, ms)]).get('a');

  it('gives the maximum at 0 s', () => {
    expect(pointsAt(0)).toBe(1_000);
  });

  it('gives three quarters at half time and half at full time', () => {
    expect(pointsAt(10_000)).toBe(750);
    expect(pointsAt(20_000)).toBe(500);
  });

  it('rounds to whole points', () => {
    expect(pointsAt(1)).toBe(1_000);
    expect(pointsAt(33)).toBe(999);
  });

  it('clamps late answers to half the maximum', () => {
    expect(pointsAt(21_000)).toBe(500);
    expect(pointsAt(60_000)).toBe(500);
  });

  it('clamps answers stamped before the opening to the maximum', () => {
    expect(pointsAt(-5_000)).toBe(1_000);
  });

  it('gives wrong answers 0 and no first-correct bonus', () => {
    const points = scoreQuiz(quiz, OPENED, [answer('a', true, 0), answer('b', false, 0)]);
    expect(Object.fromEntries(points)).toEqual({ a: 1_000, b: 0 });
  });

  it('gives whole points for an odd maximum at the buzzer', () => {
    const odd = newQuiz({ scoring: 'speed', speedMaxPoints: 3, timeLimitSeconds: 10 });
    expect(scoreQuiz(odd, OPENED, [answer('a', true, 10_000)]).get('a')).toBe(2);
    expect(scoreQuiz(odd, OPENED, [answer('a', true, 99_000)]).get('a')).toBe(2);
  });

  it('scores as standard without a time limit', () => {
    const untimed = newQuiz({ scoring: 'speed', speedMaxPoints: 1_000, timeLimitSeconds: null });
    const points = scoreQuiz(untimed, OPENED, [answer('a', true, 5_000), answer('b', true, 1_000)]);
    expect(Object.fromEntries(points)).toEqual({ a: 1, b: 2 });
  });
});
