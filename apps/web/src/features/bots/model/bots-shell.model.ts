/** The tabs of the Bots page are one array (see `bots-shell.tabs.tsx`); this picks the shown one. */
export interface TabRef {
  id: string;
}

/** The tab named in the URL when there is one by that id, otherwise the first (or null for none). */
export function resolveTab<T extends TabRef>(tabs: readonly T[], requested: string | undefined): T | null {
  if (requested) {
    const found = tabs.find((tab) => tab.id === requested);
    if (found) return found;
  }
  return tabs[0] ?? null;
}

/** Tab ids are URL segments: lower-case words joined by dashes, unique within the page. */
export function checkTabIds(tabs: readonly TabRef[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const tab of tabs) {
    if (!/^[a-z]+(-[a-z]+)*$/.test(tab.id)) problems.push(`"${tab.id}" is not a URL segment`);
    if (seen.has(tab.id)) problems.push(`"${tab.id}" is listed twice`);
    seen.add(tab.id);
  }
  return problems;
}
