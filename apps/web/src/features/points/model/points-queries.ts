/** Rows of history a page asks for. */
export const HISTORY_PAGE_SIZE = 25;
/** Rows the leaderboard shows. */
export const LEADERBOARD_SIZE = 25;
/** Rows a balance search asks for. */
export const BALANCE_SEARCH_SIZE = 25;
/** The server refuses longer searches (400): the box stops there. */
export const BALANCE_SEARCH_MAX_LENGTH = 200;

/** What is sent for the text in the search box: '' lists the top balances. */
export function balanceSearchTerm(text: string): string {
  return text.trim().slice(0, BALANCE_SEARCH_MAX_LENGTH);
}

/** The `GET …/points/balances` query string. */
export function balanceSearchQuery(term: string): string {
  const params = new URLSearchParams({ limit: String(BALANCE_SEARCH_SIZE) });
  if (term !== '') params.set('q', term);
  return `?${params.toString()}`;
}

/** The `GET …/history` query string: a page size, and the cursor of the page before it. */
export function historyQuery(before: string | null, limit: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (before) params.set('before', before);
  return `?${params.toString()}`;
}
