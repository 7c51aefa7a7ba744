import { randomUUID } from 'node:crypto';
import type { ApiErrorDto, CreatedApiTokenDto, WorkspaceDto } from '@podium/contracts';
import { apiTokenHelpers, PER_TOKEN_LIMIT, useApiAuthSuite } from './support/api-tokens';
import { useTestSuite } from './support/test-suite';

/** What a valid public API token may reach: its scopes, its workspace, its rate limits. */
describe('Public API auth (PostgreSQL + Redis)', () => {
  const suite = useApiAuthSuite();
  const { v1Path, v1, newToken, newViewer, ledgerEntries } = apiTokenHelpers(suite);

  describe('the guard', () => {
    it('answers 403 naming the scope a token lacks', async () => {
      const readOnly = await newToken({ scopes: ['points:read'] });
      const viewerId = await newViewer();
      const grant = await v1<ApiErrorDto>(
        readOnly.token,
        'POST',
        v1Path(`/viewers/${viewerId}/points/grant`),
        {
          amount: 10,
          reason: 'nope',
        },
      );
      expect(grant.status).toBe(403);
      expect(grant.body).toMatchObject({ statusCode: 403, code: 'api.missing_scope' });
      expect(grant.body.message).toContain('points:write');
      expect(await ledgerEntries(viewerId)).toEqual({ entries: 0, sum: 0 });
      expect((await v1(readOnly.token, 'GET', v1Path(`/viewers/${viewerId}`))).status).toBe(200);
    });

    it('answers 404, not 403, when a token names another workspace, even one it has no scope for', async () => {
      const other = await suite.owner.client.post<WorkspaceDto>('/api/workspaces', { name: 'Workspace B' });
      expect(other.status).toBe(201);
      const tokenA = await newToken({ scopes: ['points:read'] });
      const tokenB = await newToken({ scopes: ['points:read'] }, other.body.id);
      for (const path of ['/whoami', '/viewers', `/viewers/${randomUUID()}/points/grant`]) {
        const method = path.endsWith('grant') ? 'POST' : 'GET';
        const body = method === 'POST' ? { amount: 1, reason: 'x' } : undefined;
        const crossed = await v1<ApiErrorDto>(tokenA.token, method, v1Path(path, other.body.id), body);
        expect(crossed.status).toBe(404);
        expect(crossed.body.code).toBe('api.workspace_not_found');
        // A workspace that does not exist answers exactly the same.
        const missing = await v1<ApiErrorDto>(tokenA.token, method, v1Path(path, randomUUID()), body);
        expect(missing.status).toBe(404);
        expect(missing.body).toEqual(crossed.body);
      }
      expect((await v1(tokenB.token, 'GET', v1Path('/whoami', other.body.id))).status).toBe(200);
    });

    it('rate-limits per token with 429, Retry-After and RateLimit headers, leaving other tokens alone', async () => {
      const busy = await newToken();
      const calm = await newToken();
      const first = await v1(busy.token, 'GET', v1Path('/whoami'));
      expect(first.headers.get('ratelimit-limit')).toBe(String(PER_TOKEN_LIMIT));
      expect(first.headers.get('ratelimit-remaining')).toBe(String(PER_TOKEN_LIMIT - 1));
      expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      const rest = await Promise.all(
        Array.from({ length: PER_TOKEN_LIMIT + 4 }, () =>
          v1<ApiErrorDto>(busy.token, 'GET', v1Path('/whoami')),
        ),
      );
      expect(rest.filter((r) => r.status === 200)).toHaveLength(PER_TOKEN_LIMIT - 1);
      const limited = rest.filter((r) => r.status === 429);
      expect(limited).toHaveLength(5);
      const one = limited[0]!;
      expect(one.body).toMatchObject({ statusCode: 429, code: 'api.rate_limited' });
      expect(Number(one.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(one.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(one.headers.get('ratelimit-remaining')).toBe('0');
      expect((await v1(calm.token, 'GET', v1Path('/whoami'))).status).toBe(200);
    });
  });
});

describe('Public API per-address rate limit (Redis)', () => {
  const suite = useTestSuite({
    redis: true,
    env: () => ({ API_RATE_LIMIT_PER_IP: '4', API_RATE_LIMIT_PER_TOKEN: '100' }),
  });

  it('limits one address across tokens and before any token is looked up', async () => {
    const created = await suite.owner.client.post<CreatedApiTokenDto>(
      `/api/workspaces/${suite.owner.workspaceId}/api-tokens`,
      { name: 'ip', scopes: ['points:read'] },
    );
    const url = `${suite.app.baseUrl}/api/v1/workspaces/${suite.owner.workspaceId}/whoami`;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push(
        (await fetch(url, { headers: { authorization: `Bearer ${created.body.token}` } })).status,
      );
    }
    statuses.push((await fetch(url)).status);
    const limited = await fetch(url, { headers: { authorization: `Bearer ${created.body.token}` } });
    expect(statuses).toEqual([200, 200, 200, 401]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as ApiErrorDto).code).toBe('api.rate_limited');
    // The session-authenticated admin is not part of the public API's limits.
    expect(
      (await suite.owner.client.get(`/api/workspaces/${suite.owner.workspaceId}/api-tokens`)).status,
    ).toBe(200);
  });
});
