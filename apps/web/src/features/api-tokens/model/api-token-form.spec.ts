import { API_SCOPES } from '@podium/contracts';
import { emptyApiTokenForm, expiryOf, scopeGroups, toCreateRequest, toggleScope } from './api-token-form';

describe('API token form', () => {
  const now = new Date('2026-11-21T10:00:00.000Z');

  it('sends the trimmed name, the chosen scopes in contract order, and the expiry', () => {
    let values = { ...emptyApiTokenForm(), name: '  Stream Deck ' };
    values = toggleScope(values, 'queue:write', true);
    values = toggleScope(values, 'points:write', true);
    values = toggleScope(values, 'chat:send', true);
    values = toggleScope(values, 'chat:send', false);
    expect(toCreateRequest(values, now)).toEqual({
      name: 'Stream Deck',
      scopes: ['points:write', 'queue:write'],
      expiresAt: '2027-02-19T10:00:00.000Z',
    });
  });

  it('computes never, day counts and a custom end of day', () => {
    const base = emptyApiTokenForm();
    expect(expiryOf({ ...base, expiry: 'never' }, now)).toBeNull();
    expect(expiryOf({ ...base, expiry: '30' }, now)).toBe('2026-12-21T10:00:00.000Z');
    const custom = expiryOf({ ...base, expiry: 'custom', customDate: '2027-01-05' }, now);
    expect(custom).toBe(new Date(2027, 0, 5, 23, 59, 59).toISOString());
    expect(expiryOf({ ...base, expiry: 'custom', customDate: '' }, now)).toBeNull();
  });

  it('groups every scope by area exactly once', () => {
    const groups = scopeGroups();
    expect(groups.flatMap((group) => group.scopes)).toEqual([...API_SCOPES]);
    expect(groups.find((group) => group.area === 'points')?.scopes).toEqual(['points:read', 'points:write']);
  });
});
