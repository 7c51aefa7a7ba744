import type { ApiTokenDto } from '@podium/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { apiTokensKeys } from '../api/api-tokens.api';
import { ApiTokenCreateCard } from './api-token-create-card';
import { ApiTokensListCard } from './api-tokens-list-card';
import { curlExample } from './api-tokens-page';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const token = (id: string, overrides: Partial<ApiTokenDto> = {}): ApiTokenDto => ({
  id,
  workspaceId: 'w1',
  name: `Token ${id}`,
  scopes: ['points:read', 'points:write'],
  prefix: 'pod_AbCd',
  createdAt: '2026-11-21T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  status: 'active',
  ...overrides,
});

function render(node: ReactNode, tokens?: ApiTokenDto[]): string {
  const client = new QueryClient();
  if (tokens) client.setQueryData(apiTokensKeys.list('w1'), tokens);
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

describe('API tokens page', () => {
  it('lists tokens with status, prefix and scopes, and offers revoke only to owners on active tokens', () => {
    const tokens = [token('a'), token('b', { status: 'revoked', revokedAt: '2026-11-21T11:00:00.000Z' })];
    const owner = render(<ApiTokensListCard workspaceId="w1" canRevoke onRevoke={() => undefined} />, tokens);
    expect(owner).toContain('Token a');
    expect(owner).toContain('Active');
    expect(owner).toContain('Revoked');
    expect(owner).toContain('pod_AbCd…');
    expect(owner).toContain('points:write');
    expect(owner).toContain('never used');
    expect(owner).toContain('data-testid="api-token-revoke-a"');
    expect(owner).not.toContain('api-token-revoke-b');
    const moderator = render(
      <ApiTokensListCard workspaceId="w1" canRevoke={false} onRevoke={() => undefined} />,
      tokens,
    );
    expect(moderator).not.toContain('api-token-revoke-');
  });

  it('offers a checkbox for every scope with its meaning', () => {
    const html = render(<ApiTokenCreateCard workspaceId="w1" onCreated={() => undefined} />);
    expect(html).toContain('data-testid="api-token-scope-meetings:control"');
    expect(html).toContain('Grant and deduct points');
    expect(html.match(/data-testid="api-token-scope-/g)).toHaveLength(14);
  });

  it('builds a first call to copy', () => {
    expect(curlExample('https://podium.example', 'w1', 'pod_x')).toBe(
      'curl -H "Authorization: Bearer pod_x" https://podium.example/api/v1/workspaces/w1/whoami',
    );
  });
});
