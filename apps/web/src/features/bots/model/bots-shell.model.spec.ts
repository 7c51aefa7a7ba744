import { checkTabIds, resolveTab } from './bots-shell.model';

const tabs = [{ id: 'commands' }, { id: 'auto-responses' }, { id: 'settings' }];

describe('the Bots page tabs', () => {
  it('shows the tab named in the URL, else the first', () => {
    expect(resolveTab(tabs, 'auto-responses')?.id).toBe('auto-responses');
    expect(resolveTab(tabs, undefined)?.id).toBe('commands');
    expect(resolveTab(tabs, 'nope')?.id).toBe('commands');
    expect(resolveTab([], 'commands')).toBeNull();
  });

  it('finds ids that are not URL segments or are listed twice', () => {
    expect(checkTabIds(tabs)).toEqual([]);
    expect(checkTabIds([{ id: 'Alerts' }, { id: 'media' }, { id: 'media' }])).toEqual([
      '"Alerts" is not a URL segment',
      '"media" is listed twice',
    ]);
  });
});
