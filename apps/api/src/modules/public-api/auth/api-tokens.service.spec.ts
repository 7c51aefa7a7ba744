import type { ApiTokenRow } from './api-tokens.repository';
import { newApiToken, toApiTokenDto } from './api-tokens.service';

const row = (overrides: Partial<ApiTokenRow> = {}): ApiTokenRow => ({
  id: 't1',
  workspace_id: 'w1',
  name: 'Deck',
  scopes: ['points:read'],
  prefix: 'pod_AbCd',
  created_by: null,
  created_at: new Date('2026-01-01T00:00:00Z'),
  expires_at: null,
  last_used_at: null,
  revoked_at: null,
  ...overrides,
});

describe('API tokens', () => {
  it('issues pod_ + 32 random bytes in base64url, never twice the same', () => {
    const a = newApiToken();
    expect(a).toMatch(/^pod_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(4), 'base64url')).toHaveLength(32);
    expect(newApiToken()).not.toBe(a);
  });

  it('derives the status from revocation and expiry', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(toApiTokenDto(row(), now).status).toBe('active');
    expect(toApiTokenDto(row({ expires_at: new Date('2026-07-01T00:00:00Z') }), now).status).toBe('active');
    expect(toApiTokenDto(row({ expires_at: new Date('2026-05-01T00:00:00Z') }), now).status).toBe('expired');
    expect(toApiTokenDto(row({ expires_at: now }), now).status).toBe('expired');
    expect(
      toApiTokenDto(row({ revoked_at: now, expires_at: new Date('2026-05-01T00:00:00Z') }), now).status,
    ).toBe('revoked');
    expect(toApiTokenDto(row(), now)).not.toHaveProperty('token');
  });
});
