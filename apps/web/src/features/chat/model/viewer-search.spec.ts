import { searchTerm, VIEWER_SEARCH_MAX_LENGTH, viewersSearch } from './viewer-search';

describe('viewer search', () => {
  it('trims the text and stops at the length the server accepts', () => {
    expect(searchTerm('  grace ')).toBe('grace');
    expect(searchTerm('   ')).toBe('');
    expect(searchTerm('x'.repeat(150))).toHaveLength(VIEWER_SEARCH_MAX_LENGTH);
  });

  it('asks for the recent list without a parameter, and encodes a search', () => {
    expect(viewersSearch('')).toBe('');
    expect(viewersSearch('grace')).toBe('?search=grace');
    expect(viewersSearch('a&b=c é')).toBe('?search=a%26b%3Dc+%C3%A9');
  });
});
