/** Caps and spam measures of one message: pure counting, no settings. */

/** Letters (any script with case) and how many of them are upper case. */
export function capsShare(text: string): { letters: number; upper: number; percent: number } {
  let letters = 0;
  let upper = 0;
  for (const char of text) {
    const lower = char.toLowerCase();
    const upperCase = char.toUpperCase();
    if (lower === upperCase) continue; // not a cased letter (digits, emoji, CJK)
    letters += 1;
    if (char === upperCase) upper += 1;
  }
  return { letters, upper, percent: letters === 0 ? 0 : Math.round((upper * 100) / letters) };
}

/** The longest run of one character (case-insensitive, whitespace ignored), and which. */
export function longestCharRun(text: string): { char: string; length: number } {
  let best = { char: '', length: 0 };
  let current = { char: '', length: 0 };
  for (const raw of text) {
    if (/\s/u.test(raw)) {
      current = { char: '', length: 0 };
      continue;
    }
    const char = raw.toLowerCase();
    current = char === current.char ? { char, length: current.length + 1 } : { char, length: 1 };
    if (current.length > best.length) best = current;
  }
  return best;
}

/** The word said most often in the message (case-insensitive), and how often. */
export function mostRepeatedWord(text: string): { word: string; count: number } {
  const counts = new Map<string, number>();
  let best = { word: '', count: 0 };
  for (const word of text.toLowerCase().split(/\s+/u)) {
    if (word === '') continue;
    const count = (counts.get(word) ?? 0) + 1;
    counts.set(word, count);
    if (count > best.count) best = { word, count };
  }
  return best;
}
