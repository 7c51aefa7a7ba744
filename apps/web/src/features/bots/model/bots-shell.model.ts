/** The tabs of the Bots page are one array (see `bots-shell.tabs.tsx`); PageTabs shows them. */
export interface TabRef {
  id: string;
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
