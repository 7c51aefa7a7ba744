import { createHash, randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  ApiTokenDto,
  ApiWhoamiDto,
  CreatedApiTokenDto,
  CreateApiTokenRequest,
  WorkspaceDto,
} from '@podium/contracts';
import { TransactionRunner } from '../src/database/transaction';
import { IdempotencyRepository } from '../src/modules/public-api/auth/idempotency.repository';
import { IDEMPOTENCY_RETENTION_HOURS } from '../src/modules/public-api/auth/purge-idempotency-keys.job';
import { newMember } from './support/factories';
import { useTestSuite } from './support/test-suite';

const PER_TOKEN_LIMIT = 15;

interface V1Result<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Public API tokens against the real PostgreSQL and Redis: auth, scopes, isolation, limits, idempotency. */
describe('Public API auth (PostgreSQL + Redis)', () => {
  const suite = useTestSuite({
    redis: true,
    env: () => ({ API_RATE_LIMIT_PER_TOKEN: String(PER_TOKEN_LIMIT), API_RATE_LIMIT_PER_IP: '5000' }),
  });
  const tokensPath = (workspaceId = suite.owner.workspaceId) => `/api/workspaces/${workspaceId}/api-tokens`;
  const v1Path = (path: string, workspaceId = suite.owner.workspaceId) =>
    `/api/v1/workspaces/${workspaceId}${path}`;

  async function newToken(
    request: Partial<CreateApiTokenRequest> = {},
    workspaceId = suite.owner.workspaceId,
  ): Promise<CreatedApiTokenDto> {
    const created = await suite.owner.client.post<CreatedApiTokenDto>(tokensPath(workspaceId), {
      name: `token ${randomUUID().slice(0, 6)}`,
      scopes: ['points:read', 'points:write'],
      ...request,
    });
    if (created.status !== 201) throw new Error(`token: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  }

  async function v1<T = unknown>(
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<V1Result<T>> {
    const response = await fetch(`${suite.app.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  async function newViewer(): Promise<string> {
    const name = `viewer-${randomUUID().slice(0, 8)}`;
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, $3, $3) RETURNING id`,
      [suite.owner.workspaceId, randomUUID(), name],
    );
    return row!.id;
  }

  const ledgerEntries = async (viewerId: string) => {
    const [row] = await suite.db.query<{ entries: string; sum: string }>(
      `SELECT count(*)::text AS entries, coalesce(sum(amount), 0)::text AS sum FROM points_ledger WHERE viewer_id = $1`,
      [viewerId],
    );
    return { entries: Number(row!.entries), sum: Number(row!.sum) };
  };

  describe('tokens', () => {
    it('shows the secret once, stores only its SHA-256, and lists without it', async () => {
      const created = await newToken({
        name: 'Stream Deck',
        scopes: ['points:read', 'points:read', 'chat:send'],
      });
      expect(created.token).toMatch(/^pod_[A-Za-z0-9_-]{43}$/);
      expect(created).toMatchObject({
        name: 'Stream Deck',
        scopes: ['points:read', 'chat:send'],
        prefix: created.token.slice(0, 8),
        status: 'active',
        expiresAt: null,
        lastUsedAt: null,
      });
      const [row] = await suite.db.query<{ token_hash: string }>(
        `SELECT token_hash FROM api_tokens WHERE id = $1`,
        [created.id],
      );
      expect(row!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
      const stored = await suite.db.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM api_tokens t`,
      );
      expect(stored.some((r) => r.row.includes(created.token))).toBe(false);

      const listed = await suite.owner.client.get<ApiTokenDto[]>(tokensPath());
      expect(listed.status).toBe(200);
      const mine = listed.body.find((token) => token.id === created.id);
      expect(mine).toBeDefined();
      expect(mine).not.toHaveProperty('token');
    });

    it('rejects bad scopes and past expiries with the field at fault', async () => {
      const badScope = await suite.owner.client.post<ApiErrorDto>(tokensPath(), {
        name: 'x',
        scopes: ['points:everything'],
      });
      expect(badScope.status).toBe(400);
      expect(badScope.body.field).toBe('scopes.0');
      const past = await suite.owner.client.post<ApiErrorDto>(tokensPath(), {
        name: 'x',
        scopes: ['points:read'],
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(past.status).toBe(400);
      expect(past.body.field).toBe('expiresAt');
    });

    it('lets moderators list but only owners create and revoke', async () => {
      const token = await newToken();
      const moderator = await newMember(suite.owner.client, suite.owner.workspaceId, 'moderator');
      expect((await moderator.client.get(tokensPath())).status).toBe(200);
      const create = await moderator.client.post<ApiErrorDto>(tokensPath(), {
        name: 'x',
        scopes: ['points:read'],
      });
      expect(create.status).toBe(403);
      expect((await moderator.client.delete(`${tokensPath()}/${token.id}`)).status).toBe(403);
      expect((await v1(token.token, 'GET', v1Path('/whoami'))).status).toBe(200);
    });

    it('stamps the last use', async () => {
      const token = await newToken();
      const whoami = await v1<ApiWhoamiDto>(token.token, 'GET', v1Path('/whoami'));
      expect(whoami.status).toBe(200);
      expect(whoami.body).toEqual({
        tokenId: token.id,
        workspaceId: suite.owner.workspaceId,
        name: token.name,
        scopes: ['points:read', 'points:write'],
        expiresAt: null,
      });
      const listed = await suite.owner.client.get<ApiTokenDto[]>(tokensPath());
      expect(listed.body.find((t) => t.id === token.id)?.lastUsedAt).not.toBeNull();
    });
  });

  describe('the guard', () => {
    it('answers 401 without a token, with a malformed one, and with an unknown one', async () => {
      const none = await v1<ApiErrorDto>(undefined, 'GET', v1Path('/whoami'));
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ statusCode: 401, code: 'api.invalid_token' });
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const unknown = await v1<ApiErrorDto>(`pod_${'A'.repeat(43)}`, 'GET', v1Path('/whoami'));
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe('api.invalid_token');
      const basic = await fetch(`${suite.app.baseUrl}${v1Path('/whoami')}`, {
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      });
      expect(basic.status).toBe(401);
    });

    it('does not accept a session cookie in place of a token', async () => {
      const result = await suite.owner.client.get<ApiErrorDto>(v1Path('/whoami'));
      expect(result.status).toBe(401);
      expect(result.body.code).toBe('api.invalid_token');
    });

    it('answers 401 for a revoked token and for an expired one', async () => {
      const revoked = await newToken();
      expect((await v1(revoked.token, 'GET', v1Path('/whoami'))).status).toBe(200);
      const revoke = await suite.owner.client.delete<ApiTokenDto>(`${tokensPath()}/${revoked.id}`);
      expect(revoke.status).toBe(200);
      expect(revoke.body.status).toBe('revoked');
      expect((await v1<ApiErrorDto>(revoked.token, 'GET', v1Path('/whoami'))).status).toBe(401);
      expect((await suite.owner.client.delete(`${tokensPath()}/${revoked.id}`)).status).toBe(404);

      const expiring = await newToken({ expiresAt: new Date(Date.now() + 60_000).toISOString() });
      expect((await v1(expiring.token, 'GET', v1Path('/whoami'))).status).toBe(200);
      await suite.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        expiring.id,
      ]);
      const expired = await v1<ApiErrorDto>(expiring.token, 'GET', v1Path('/whoami'));
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('api.invalid_token');
      const listed = await suite.owner.client.get<ApiTokenDto[]>(tokensPath());
      expect(listed.body.find((t) => t.id === expiring.id)?.status).toBe('expired');
    });

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

  describe('idempotency', () => {
    const grantPath = (viewerId: string) => v1Path(`/viewers/${viewerId}/points/grant`);

    it('grants once when a grant is retried three times with the same key, replaying the first answer', async () => {
      const token = await newToken();
      const viewerId = await newViewer();
      const key = randomUUID();
      const body = { amount: 250, reason: 'Won the quiz' };
      const results = [];
      for (let i = 0; i < 3; i += 1) {
        results.push(await v1(token.token, 'POST', grantPath(viewerId), body, { 'idempotency-key': key }));
      }
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(results[1]!.body).toEqual(results[0]!.body);
      expect(results[2]!.body).toEqual(results[0]!.body);
      expect(results[0]!.headers.get('idempotent-replayed')).toBeNull();
      expect(results[1]!.headers.get('idempotent-replayed')).toBe('true');
      expect(results[2]!.headers.get('idempotent-replayed')).toBe('true');
      expect(await ledgerEntries(viewerId)).toEqual({ entries: 1, sum: 250 });
      const [record] = await suite.db.query<{ status: string; response_status: number }>(
        `SELECT status, response_status FROM api_idempotency_keys WHERE token_id = $1 AND key = $2`,
        [token.id, key],
      );
      expect(record).toEqual({ status: 'completed', response_status: 200 });

      // Without a key, every call is its own grant.
      await v1(token.token, 'POST', grantPath(viewerId), body);
      await v1(token.token, 'POST', grantPath(viewerId), body);
      expect(await ledgerEntries(viewerId)).toEqual({ entries: 3, sum: 750 });
    });

    it('runs concurrent retries with one key once', async () => {
      const token = await newToken();
      const viewerId = await newViewer();
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          v1(
            token.token,
            'POST',
            grantPath(viewerId),
            { amount: 40, reason: 'race' },
            { 'idempotency-key': key },
          ),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
      expect(await ledgerEntries(viewerId)).toEqual({ entries: 1, sum: 40 });
    });

    it('answers 422 when a key is reused for a different request, and keeps keys per token', async () => {
      const token = await newToken();
      const viewerId = await newViewer();
      const key = randomUUID();
      const first = await v1(
        token.token,
        'POST',
        grantPath(viewerId),
        { amount: 5, reason: 'a' },
        { 'idempotency-key': key },
      );
      expect(first.status).toBe(200);
      const reordered = await v1(
        token.token,
        'POST',
        grantPath(viewerId),
        { reason: 'a', amount: 5 },
        { 'idempotency-key': key },
      );
      expect(reordered.status).toBe(200);
      expect(reordered.headers.get('idempotent-replayed')).toBe('true');
      const different = await v1<ApiErrorDto>(
        token.token,
        'POST',
        grantPath(viewerId),
        { amount: 6, reason: 'a' },
        { 'idempotency-key': key },
      );
      expect(different.status).toBe(422);
      expect(different.body.code).toBe('api.idempotency_key_reused');
      const otherToken = await newToken();
      const sameKeyOtherToken = await v1(
        otherToken.token,
        'POST',
        grantPath(viewerId),
        { amount: 6, reason: 'a' },
        { 'idempotency-key': key },
      );
      expect(sameKeyOtherToken.status).toBe(200);
      expect(sameKeyOtherToken.headers.get('idempotent-replayed')).toBeNull();
      expect(await ledgerEntries(viewerId)).toEqual({ entries: 2, sum: 11 });
    });

    it('forgets keys after 24 hours (the housekeeping purge)', async () => {
      const token = await newToken();
      const viewerId = await newViewer();
      for (const key of ['old', 'fresh']) {
        await v1(
          token.token,
          'POST',
          grantPath(viewerId),
          { amount: 1, reason: key },
          { 'idempotency-key': key },
        );
      }
      await suite.db.query(
        `UPDATE api_idempotency_keys SET created_at = now() - interval '25 hours' WHERE token_id = $1 AND key = 'old'`,
        [token.id],
      );
      const purged = await suite.app.podium.app
        .get(IdempotencyRepository)
        .purgeOlderThan(suite.app.podium.app.get(TransactionRunner).none, IDEMPOTENCY_RETENTION_HOURS);
      expect(purged).toBeGreaterThanOrEqual(1);
      const left = await suite.db.query<{ key: string }>(
        `SELECT key FROM api_idempotency_keys WHERE token_id = $1 ORDER BY key`,
        [token.id],
      );
      expect(left.map((row) => row.key)).toEqual(['fresh']);
    });

    it('releases a key whose request failed, and rejects an over-long key', async () => {
      const token = await newToken();
      const viewerId = await newViewer();
      const key = randomUUID();
      const invalid = await v1<ApiErrorDto>(
        token.token,
        'POST',
        grantPath(viewerId),
        { amount: -1, reason: 'a' },
        { 'idempotency-key': key },
      );
      expect(invalid.status).toBe(400);
      const [left] = await suite.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM api_idempotency_keys WHERE token_id = $1`,
        [token.id],
      );
      expect(left!.n).toBe('0');
      const tooLong = await v1<ApiErrorDto>(
        token.token,
        'POST',
        grantPath(viewerId),
        { amount: 1, reason: 'a' },
        {
          'idempotency-key': 'k'.repeat(201),
        },
      );
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.code).toBe('api.idempotency_key_invalid');
      expect(await ledgerEntries(viewerId)).toEqual({ entries: 0, sum: 0 });
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
