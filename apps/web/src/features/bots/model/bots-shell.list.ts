/** Puts a saved item in place of the one with its id (a list not loaded yet stays unloaded). */
export function replaceById<T extends { id: string }>(
  list: readonly T[] | undefined,
  saved: T,
): T[] | undefined {
  if (!list) return undefined;
  return list.map((item) => (item.id === saved.id ? saved : item));
}
