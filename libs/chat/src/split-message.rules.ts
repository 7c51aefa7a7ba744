/**
 * Splits a chat line into parts no longer than `maxLength`, breaking on spaces where it can so a
 * word is never cut in two unless it alone is longer than a line. At most `maxParts` parts: the last
 * one is trimmed with an ellipsis, so one long reply cannot flood the outbox.
 */
export function splitMessage(text: string, maxLength: number, maxParts = 5): string[] {
  if (maxLength < 2) throw new Error('maxLength must be at least 2');
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return [];
  const parts: string[] = [];
  let rest = clean;
  while (rest.length > 0) {
    if (parts.length === maxParts - 1 && [...rest].length > maxLength) {
      parts.push(trimToWord(rest, maxLength - 1) + '…');
      break;
    }
    if ([...rest].length <= maxLength) {
      parts.push(rest);
      break;
    }
    const head = cutAtWord(rest, maxLength);
    parts.push(head);
    rest = rest.slice(head.length).trimStart();
  }
  return parts;
}

/** The longest prefix of at most `max` characters (code points) ending before a space, or a hard cut. */
function cutAtWord(text: string, max: number): string {
  const chars = [...text];
  const window = chars.slice(0, max + 1).join('');
  const space = window.lastIndexOf(' ');
  if (space > 0) return window.slice(0, space);
  return chars.slice(0, max).join('');
}

function trimToWord(text: string, max: number): string {
  return cutAtWord(text, max).trimEnd();
}
