import type { QuestionDto } from '@podium/contracts';

/**
 * The order after moving `activeId` onto `overId` (drag and drop, keyboard or pointer), or null
 * when nothing moves. The result always holds every id exactly once, as the question-order route wants.
 */
export function moveId(ids: readonly string[], activeId: string, overId: string | null): string[] | null {
  if (overId === null || activeId === overId) return null;
  const from = ids.indexOf(activeId);
  const to = ids.indexOf(overId);
  if (from < 0 || to < 0) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, activeId);
  return next;
}

/** Puts items in the order of `ids` (items not listed keep their place at the end). */
export function orderBy<T extends { id: string }>(items: readonly T[], ids: readonly string[]): T[] {
  const rank = new Map(ids.map((id, index) => [id, index]));
  return [...items].sort(
    (a, b) => (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
}

/** Replaces the question with the same id, or inserts it at its position (shifting the ones after). */
export function withQuestion(questions: readonly QuestionDto[], question: QuestionDto): QuestionDto[] {
  if (questions.some((existing) => existing.id === question.id)) {
    return questions.map((existing) => (existing.id === question.id ? question : existing));
  }
  const next = [...questions];
  next.splice(Math.min(Math.max(question.position, 0), next.length), 0, question);
  return next.map((existing, position) => ({ ...existing, position }));
}
