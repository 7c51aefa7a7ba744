import type { AutoResponseMatchMode } from '@podium/contracts';

/** Lower case, NFKC, runs of white space as one space, trimmed: how phrases are compared. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/**
 * Whether `term` occurs in `text` as a whole word (or words): the characters either side are not
 * letters, digits or `_`. Plain string search, never a RegExp built from what an organizer typed.
 */
export function containsTerm(text: string, term: string): boolean {
  const haystack = normalizeText(text);
  const needle = normalizeText(term);
  if (!needle) return false;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    // A boundary only matters where the term itself starts or ends with a word character.
    const startOk = !isWordChar(needle[0]) || !isWordChar(before);
    const endOk = !isWordChar(needle[needle.length - 1]) || !isWordChar(after);
    if (startOk && endOk) return true;
  }
  return false;
}

/** Does the message trigger an auto-response with these terms? */
export function matchesAutoResponse(
  mode: AutoResponseMatchMode,
  terms: readonly string[],
  text: string,
): boolean {
  switch (mode) {
    case 'contains':
      return terms.some((term) => containsTerm(text, term));
    case 'phrase': {
      const message = normalizeText(text);
      return message.length > 0 && terms.some((term) => normalizeText(term) === message);
    }
  }
}
