import { JOIN_CODE_ALPHABET } from '@podium/contracts';
import { QueryFailedError } from 'typeorm';
import { randomJoinCode, withFreshJoinCode } from './join-codes';
import { MeetingException } from './meetings.exception';

function uniqueViolation(constraint: string): QueryFailedError {
  return new QueryFailedError(
    'INSERT …',
    [],
    Object.assign(new Error('duplicate key'), { code: '23505', constraint }),
  );
}

describe('join codes', () => {
  it('draws six characters from the join-code alphabet', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(randomJoinCode()).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    }
  });

  it('retries with a new code when the code is taken', async () => {
    const codes = ['AAAAAA', 'BBBBBB', 'CCCCCC'];
    const tried: string[] = [];
    const result = await withFreshJoinCode(
      (code) => {
        tried.push(code);
        return tried.length < 3
          ? Promise.reject(uniqueViolation('uq_meetings_join_code'))
          : Promise.resolve(code);
      },
      () => codes[tried.length]!,
    );
    expect(result).toBe('CCCCCC');
    expect(tried).toEqual(codes);
  });

  it('gives up after its attempts, and never retries other errors', async () => {
    let calls = 0;
    const clash = () => {
      calls += 1;
      return Promise.reject(uniqueViolation('uq_meetings_join_code'));
    };
    await expect(withFreshJoinCode(clash, () => 'AAAAAA', 3)).rejects.toBeInstanceOf(MeetingException);
    expect(calls).toBe(3);

    calls = 0;
    const other = () => {
      calls += 1;
      return Promise.reject(uniqueViolation('uq_flags_workspace_code'));
    };
    await expect(withFreshJoinCode(other, () => 'AAAAAA', 3)).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(1);
  });
});
