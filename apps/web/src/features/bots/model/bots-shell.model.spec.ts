import { checkTabIds } from './bots-shell.model';

const tabs = [{ id: 'commands' }, { id: 'auto-responses' }, { id: 'settings' }];

describe('the Bots page tabs', () => {
  it('finds ids that are not URL segments or are listed twice', () => {
    expect(checkTabIds(tabs)).toEqual([]);
    expect(checkTabIds([{ id: 'Alerts' }, { id: 'media' }, { id: 'media' }])).toEqual([
      '"Alerts" is not a URL segment',
      '"media" is listed twice',
    ]);
  });
});
