import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@podium/contracts';

/**
 * A new join code. `randomInt(n)` must return an integer in [0, n); the api passes
 * `crypto.randomInt` so codes cannot be guessed from earlier ones. Uniqueness is the database's
 * job (unique index, retry on conflict).
 */
export function newJoinCode(randomInt: (maxExclusive: number) => number): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) {
    const n = randomInt(JOIN_CODE_ALPHABET.length);
    if (!Number.isInteger(n) || n < 0 || n >= JOIN_CODE_ALPHABET.length) {
      throw new RangeError(`randomInt returned ${n}, outside [0, ${JOIN_CODE_ALPHABET.length})`);
    }
    code += JOIN_CODE_ALPHABET.charAt(n);
  }
  return code;
}

/**
 * A typed flag code in the form flags are stored (FlagCodeSchema): trimmed and upper-cased.
 * Dashes, underscores and inner characters are kept: they may be part of the code.
 */
export function normalizeFlagCode(raw: string): string {
  return raw.trim().toUpperCase();
}
