import { balanceSearchQuery, balanceSearchTerm, historyQuery } from './points-queries';
import { buildKofiLink, buildKofiSettings, validateKofiLink, validateKofiSettings } from './kofi.form';

describe('points queries', () => {
  it('builds the balances search (top balances for an empty box, capped length)', () => {
    expect(balanceSearchQuery('')).toBe('?limit=25');
    expect(balanceSearchQuery('ann & co')).toBe('?limit=25&q=ann+%26+co');
    expect(balanceSearchTerm(`  ${'x'.repeat(300)} `)).toHaveLength(200);
  });

  it('pages history with the previous page’s cursor', () => {
    expect(historyQuery(null, 25)).toBe('?limit=25');
    expect(historyQuery('c1', 25)).toBe('?limit=25&before=c1');
  });
});

describe('ko-fi forms', () => {
  it('sends the token only when one was typed', () => {
    expect(buildKofiSettings({ verificationToken: '  ', pointsPerUnit: '100' })).toEqual({
      pointsPerUnit: 100,
    });
    expect(buildKofiSettings({ verificationToken: ' tok ', pointsPerUnit: '5' })).toEqual({
      pointsPerUnit: 5,
      verificationToken: 'tok',
    });
    expect(
      validateKofiSettings(buildKofiSettings({ verificationToken: '', pointsPerUnit: '-2' }))[0]?.field,
    ).toBe('pointsPerUnit');
  });

  it('needs a viewer and an e-mail to link', () => {
    const fields = validateKofiLink(buildKofiLink('', 'not-mail')).map((issue) => issue.field);
    expect(fields.sort()).toEqual(['email', 'viewerId']);
    expect(
      validateKofiLink(buildKofiLink('8d3c4f5e-1b2a-4c6d-9e8f-0a1b2c3d4e5f', ' Fan@Example.org ')),
    ).toEqual([]);
  });
});
