import { nicknameProblem, parseJoinCode } from './join-input';
import { JoinCodeSchema, NicknameSchema } from './meetings.contract';

// The join form checks with the plain functions; the server with the schemas. They must agree.
const CODES = [
  'ABC234',
  'abc234',
  ' abc-234 ',
  'ab c2 34',
  'ABC23',
  'ABC2345',
  'ABC10O',
  'ÀBC234',
  '',
  '------',
];
const NICKNAMES = [
  'Ada',
  '  Ada  ',
  '',
  '   ',
  'a'.repeat(32),
  ` ${'a'.repeat(32)} `,
  'a'.repeat(33),
  'A\u0007da',
  'Zoë 🎉',
];

describe('join input checks', () => {
  it.each(CODES)('agree with JoinCodeSchema on %j', (typed) => {
    const parsed = JoinCodeSchema.safeParse(typed);
    expect(parseJoinCode(typed)).toBe(parsed.success ? parsed.data : null);
  });

  it.each(NICKNAMES)('agree with NicknameSchema on %j', (typed) => {
    expect(nicknameProblem(typed) === null).toBe(NicknameSchema.safeParse(typed).success);
  });

  it('name the problem the form shows', () => {
    expect(nicknameProblem(' ')).toBe('required');
    expect(nicknameProblem('a'.repeat(33))).toBe('tooLong');
    expect(nicknameProblem('a\u0000b')).toBe('invisible');
    expect(parseJoinCode(' abc-234 ')).toBe('ABC234');
  });
});
