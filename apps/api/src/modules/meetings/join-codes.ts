import { randomInt } from 'node:crypto';
import { newJoinCode } from '@podium/meetings';
import { isUniqueViolation } from '../../database/unique-violation';
import { MeetingErrorCode, MeetingException } from './meetings.exception';

const JOIN_CODE_CONSTRAINT = 'uq_meetings_join_code';
/** 31^6 codes: a clash is rare, eight in a row means something else is wrong. */
const JOIN_CODE_ATTEMPTS = 8;

export function randomJoinCode(): string {
  return newJoinCode((max: number) => randomInt(max));
}

/**
 * Runs `work` (a whole transaction: a failed insert aborts it) with a fresh join code, and again
 * with another code when the code turned out to be taken.
 */
export async function withFreshJoinCode<T>(
  work: (joinCode: string) => Promise<T>,
  makeCode: () => string = randomJoinCode,
  attempts = JOIN_CODE_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(makeCode());
    } catch (error) {
      if (!isUniqueViolation(error, JOIN_CODE_CONSTRAINT)) throw error;
      if (attempt >= attempts) {
        throw new MeetingException(
          MeetingErrorCode.JoinCodeUnavailable,
          'Could not find a free join code; try again',
        );
      }
    }
  }
}
