/** The server refuses longer searches (400): the box stops there. */
export const VIEWER_SEARCH_MAX_LENGTH = 100;

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
export const VIEWER_SEARCH_DEBOUNCE_MS = 300;

/** What is sent for the text in the box: '' lists the most recently seen viewers. */
export function searchTerm(text: string): string {
  return text.trim().slice(0, VIEWER_SEARCH_MAX_LENGTH);
}

/** The `GET …/viewers` query string: none for the recent list. */
export function viewersSearch(term: string): string {
  return term === '' ? '' : `?${new URLSearchParams({ search: term }).toString()}`;
}

// Moved to the shared layer (the points pages search too); kept here for the chat feature.
export { useDebouncedValue } from '@/shared/hooks/use-debounced-value';
