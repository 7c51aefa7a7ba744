import { ApiError } from '@/shared/api/api-error';
import { buildAdjust, isInsufficient, validateAdjust } from './adjust.form';

const viewerId = '8d3c4f5e-1b2a-4c6d-9e8f-0a1b2c3d4e5f';

describe('adjust form', () => {
  it('signs the amount by direction and trims the reason', () => {
    expect(buildAdjust(viewerId, { direction: 'give', amount: '30', reason: ' prize ' })).toEqual({
      viewerId,
      amount: 30,
      reason: 'prize',
    });
    expect(buildAdjust(viewerId, { direction: 'take', amount: '30', reason: 'typo' }).amount).toBe(-30);
    // A typed minus does not flip a take back into a give.
    expect(buildAdjust(viewerId, { direction: 'take', amount: '-30', reason: 'typo' }).amount).toBe(-30);
  });

  it('refuses zero, non-numbers and a missing reason before sending', () => {
    const fields = (amount: string, reason: string) =>
      validateAdjust(buildAdjust(viewerId, { direction: 'give', amount, reason })).map(
        (issue) => issue.field,
      );
    expect(fields('0', 'x')).toEqual(['amount']);
    expect(fields('1.5', 'x')).toEqual(['amount']);
    expect(fields('abc', 'x')).toEqual(['amount']);
    expect(fields('5', '  ')).toEqual(['reason']);
    expect(fields('5', 'ok')).toEqual([]);
  });

  it('recognises the 409 of a take below zero, and only that', () => {
    const conflict = new ApiError({ statusCode: 409, code: 'points.insufficient', message: 'no' });
    const invalid = new ApiError({ statusCode: 400, code: 'validation.failed', message: 'bad' });
    expect(isInsufficient(conflict)).toBe(true);
    expect(isInsufficient(invalid)).toBe(false);
    expect(isInsufficient(new Error('x'))).toBe(false);
  });
});
