import { isPastDeadline, questionClosesAt } from './question-timer.rules';

const OPENED = new Date('2025-01-01T10:00:00.000Z');

describe('questionClosesAt', () => {
  it('adds the time limit to the opening', () => {
    expect(questionClosesAt(OPENED, 30)?.toISOString()).toBe('2025-01-01T10:00:30.000Z');
  });

  it('is null for untimed questions', () => {
    expect(questionClosesAt(OPENED, null)).toBeNull();
  });
});

describe('isPastDeadline', () => {
  const closesAt = new Date('2025-01-01T10:00:30.000Z');

  it('accepts up to and including the deadline, refuses after', () => {
    expect(isPastDeadline(closesAt, new Date('2025-01-01T10:00:29.999Z'))).toBe(false);
    expect(isPastDeadline(closesAt, closesAt)).toBe(false);
    expect(isPastDeadline(closesAt, new Date('2025-01-01T10:00:30.001Z'))).toBe(true);
  });

  it('never passes for untimed questions', () => {
    expect(isPastDeadline(null, new Date('2999-01-01T00:00:00.000Z'))).toBe(false);
  });
});
