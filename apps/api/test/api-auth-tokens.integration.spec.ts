import { createHash, randomUUID } from 'node:crypto';
import type { ApiErrorDto, ApiTokenDto, ApiWhoamiDto } from '@podium/contracts';
import { TransactionRunner } from '../src/database/transaction';
import { IdempotencyRepository } from '../src/modules/public-api/auth/idempotency.repository';
import { IDEMPOTENCY_RETENTION_HOURS } from '../src/modules/public-api/auth/purge-idempotency-keys.job';
import { apiTokenHelpers, useApiAuthSuite } from './support/api-tokens';
import { newMember } from './support/factories';

/** Public API tokens against the real PostgreSQL and Redis: their life, authentication, idempotency. */
describe('Public API auth (PostgreSQL + Redis)', () => {
  const suite = useApiAuthSuite();
  const { tokensPath, v1Path, v1, newToken, newViewer, ledgerEntries } = apiTokenHelpers(suite);

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
