/** The uploaded file as JSON, or null when it is not JSON at all (the server judges the rest). */
export function parseQuestionsFile(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `Team quiz #2` → `team-quiz-2-questions.json`; accents are folded so every system can save it. */
export function exportFileName(meetingTitle: string): string {
  const slug = meetingTitle
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'meeting'}-questions.json`;
}
