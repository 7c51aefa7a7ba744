import { randomInt } from 'node:crypto';
import { FlagCodeSchema, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JoinCodeSchema } from '@podium/contracts';
import { newJoinCode, normalizeFlagCode } from './codes.rules';

describe('newJoinCode', () => {
  it('draws JOIN_CODE_LENGTH characters from the alphabet', () => {
    const asked: number[] = [];
    let n = 0;
    const code = newJoinCode((maxExclusive) => {
      asked.push(maxExclusive);
      return (n += 5) % maxExclusive;
    });
    expect(asked).toEqual(Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET.length));
    expect(code).toBe('FMSX49');
  });

  it('maps the extremes to the first and last letters', () => {
    expect(newJoinCode(() => 0)).toBe('A'.repeat(JOIN_CODE_LENGTH));
    expect(newJoinCode((max) => max - 1)).toBe('9'.repeat(JOIN_CODE_LENGTH));
  });

  it('makes codes the join schema accepts, without look-alike characters', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = newJoinCode(randomInt);
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]+$/);
      expect(JoinCodeSchema.parse(code)).toBe(code);
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('refuses a random source that leaves the range', () => {
    expect(() => newJoinCode(() => -1)).toThrow(RangeError);
    expect(() => newJoinCode((max) => max)).toThrow(RangeError);
    expect(() => newJoinCode(() => 1.5)).toThrow(RangeError);
  });
});

describe('normalizeFlagCode', () => {
  it('trims and upper-cases, like stored codes', () => {
    expect(normalizeFlagCode('  ctf-flag_1 ')).toBe('CTF-FLAG_1');
    expect(normalizeFlagCode('Été')).toBe('ÉTÉ');
  });

  it('keeps dashes, underscores and inner characters', () => {
    expect(normalizeFlagCode('a-b_c d')).toBe('A-B_C D');
  });

  it('matches what FlagCodeSchema stores', () => {
    const raw = ' Secret-Code_42 ';
    expect(normalizeFlagCode(raw)).toBe(FlagCodeSchema.parse(raw));
  });
});
