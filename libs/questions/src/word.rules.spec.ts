import { ruleError } from './test/rule-error';
import { canonicalText, isBannedWord, normalizeWord, wordLength } from './word.rules';

const codeOf = (fn: () => unknown): string => ruleError(fn).code;

describe('normalizeWord', () => {
  it('lower-cases and keeps accents', () => {
    expect(normalizeWord('ÉTÉ', 25)).toBe('été');
    expect(normalizeWord('Thé', 25)).not.toBe(normalizeWord('The', 25));
  });

  it('composes accents so both spellings of é are one word', () => {
    const decomposed = 'cafe\u0301';
    expect(decomposed).not.toBe('café');
    expect(normalizeWord(decomposed, 25)).toBe('café');
  });

  it('trims and collapses inner whitespace, including tabs and non-breaking spaces', () => {
    expect(normalizeWord('  New \t\n  York\u00a0 City  ', 25)).toBe('new york city');
  });

  it('drops control characters', () => {
    expect(normalizeWord('hel\u0000lo', 25)).toBe('hello');
    expect(normalizeWord('a \u0007 b', 25)).toBe('a b');
  });

  it('refuses an empty or blank word', () => {
    expect(codeOf(() => normalizeWord('', 25))).toBe('answer.empty_word');
    expect(codeOf(() => normalizeWord(' \t\n ', 25))).toBe('answer.empty_word');
  });

  it('measures length after normalizing, in characters', () => {
    expect(normalizeWord('  abcde  ', 5)).toBe('abcde');
    expect(codeOf(() => normalizeWord('abcdef', 5))).toBe('answer.word_too_long');
    expect(normalizeWord('cafe\u0301', 4)).toBe('café');
    expect(normalizeWord('🎉🎉', 2)).toBe('🎉🎉');
    expect(wordLength('🎉')).toBe(1);
  });

  it('names the field at fault', () => {
    const error = ruleError(() => normalizeWord('', 5));
    expect(error.field).toBe('word');
    expect(error.message).toBe('Type a word first.');
  });
});

describe('canonicalText', () => {
  it('is idempotent', () => {
    const once = canonicalText('  Crème   BRÛLÉE ');
    expect(canonicalText(once)).toBe(once);
  });
});

describe('isBannedWord', () => {
  it('compares after normalizing both sides', () => {
    expect(isBannedWord('darn', ['  DARN '])).toBe(true);
    expect(isBannedWord('café', ['CAFE\u0301'])).toBe(true);
  });

  it('refuses a word containing a banned word as a whole token', () => {
    expect(isBannedWord('darn it', ['darn'])).toBe(true);
    expect(isBannedWord('oh-darn!', ['darn'])).toBe(true);
    expect(isBannedWord('darnation', ['darn'])).toBe(false);
  });

  it('matches multi-word banned entries as a token sequence', () => {
    expect(isBannedWord('so very bad idea', ['very bad'])).toBe(true);
    expect(isBannedWord('very good, bad', ['very bad'])).toBe(false);
  });

  it('keeps accents apart', () => {
    expect(isBannedWord('the', ['thé'])).toBe(false);
  });

  it('matches emoji entries anywhere', () => {
    expect(isBannedWord('nice 💩', ['💩'])).toBe(true);
    expect(isBannedWord('nice', ['💩'])).toBe(false);
  });

  it('ignores blank entries', () => {
    expect(isBannedWord('anything', ['   '])).toBe(false);
  });
});
