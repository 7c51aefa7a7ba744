import { QuestionRuleError } from './question-rule.error';

/**
 * The canonical form two words are compared in: NFC (so "é" typed two ways is one word), trimmed,
 * inner whitespace collapsed to one space, control characters dropped, lower-cased. Accents are
 * kept: "thé" and "the" are different words in French.
 */
export function canonicalText(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Length in characters as people count them (code points), so an emoji is one, not two. */
export function wordLength(word: string): number {
  return Array.from(word).length;
}

/** A word cloud word as stored; throws `answer.empty_word` / `answer.word_too_long`. */
export function normalizeWord(raw: string, maxLength: number): string {
  const word = canonicalText(raw);
  if (word === '') {
    throw new QuestionRuleError('answer.empty_word', 'Type a word first.', 'word');
  }
  if (wordLength(word) > maxLength) {
    throw new QuestionRuleError(
      'answer.word_too_long',
      `Words are at most ${maxLength} characters long.`,
      'word',
    );
  }
  return word;
}

// Letters (with their combining marks) and digits make tokens; everything else separates them.
const TOKEN_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;

function tokens(text: string): string[] {
  return text.split(TOKEN_SEPARATOR).filter((token) => token !== '');
}

/**
 * Whether a normalized word is or contains a banned word. Both sides are canonicalized; a banned
 * word matches as a whole token sequence ("bad" bans "bad idea" and "bad!" but not "badminton").
 * A banned entry without letters or digits (an emoji) matches anywhere in the word.
 */
export function isBannedWord(word: string, bannedWords: readonly string[]): boolean {
  const canonical = canonicalText(word);
  const wordTokens = ` ${tokens(canonical).join(' ')} `;
  return bannedWords.some((entry) => {
    const banned = canonicalText(entry);
    if (banned === '') return false;
    if (banned === canonical) return true;
    const bannedTokens = tokens(banned);
    if (bannedTokens.length === 0) return canonical.includes(banned);
    return wordTokens.includes(` ${bannedTokens.join(' ')} `);
  });
}
