import type { ApiErrorDto, MeDto, SetupStatus } from '@podium/contracts';
import { newSetupRequest } from './support/factories';
import { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';

describe('first run, sign-in and input errors (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    db = await TestDatabase.create();
    app = await startTestApp({ databaseUrl: db.url, env: { LOGIN_ATTEMPTS_PER_15_MIN: '3' } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('creates exactly one owner when several first visits race', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    expect((await anonymous.get<SetupStatus>('/api/setup')).body).toEqual({ needsSetup: true });

    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        new HttpClient(app.baseUrl).post<MeDto | ApiErrorDto>(
          '/api/setup',
          newSetupRequest({ email: `race${i}@example.org` }),
        ),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(
      attempts
        .filter((r) => r.status === 409)
        .every((r) => (r.body as ApiErrorDto).code === 'auth.already_set_up'),
    ).toBe(true);
    expect((await db.query('select count(*)::int as n from users'))[0]).toEqual({ n: 1 });
    expect((await anonymous.get<SetupStatus>('/api/setup')).body).toEqual({ needsSetup: false });
  });

  it('signs in with the right password only, and signs out', async () => {
    const [owner] = await db.query<{ email: string }>('select email from users');
    const client = new HttpClient(app.baseUrl);
    const wrong = await client.post<ApiErrorDto>('/api/auth/login', {
      email: owner!.email,
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    expect(client.cookie).toBeUndefined();

    const right = await client.post<MeDto>('/api/auth/login', {
      email: owner!.email.toUpperCase(),
      password: 'a long enough passphrase',
    });
    expect(right.status).toBe(200);
    expect(client.cookie).toMatch(/^podium_session=/);
    expect((await client.get<MeDto>('/api/auth/me')).body.user.email).toBe(owner!.email);
    const [session] = await db.query<{ token_hash: string }>('select token_hash from sessions limit 1');
    expect(client.cookie).not.toContain(session!.token_hash);

    const cookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replayed = new HttpClient(app.baseUrl);
    replayed.cookie = cookie;
    expect((await replayed.get<ApiErrorDto>('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits repeated sign-in attempts with Retry-After', async () => {
    const client = new HttpClient(app.baseUrl);
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await client.post<ApiErrorDto>('/api/auth/login', {
        email: 'guess@example.org',
        password: `guess ${i}`,
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(last!.body.code).toBe('auth.too_many_attempts');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers bad input with a 400 naming the field, and changes nothing', async () => {
    const client = new HttpClient(app.baseUrl);
    const before = await db.query('select count(*)::int as n from users');

    const badEmail = await client.post<ApiErrorDto>('/api/auth/login', {
      email: 'not-an-email',
      password: 'x',
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body).toMatchObject({ code: 'validation.failed', field: 'email' });

    const missing = await client.post<ApiErrorDto>('/api/setup', { email: 'a@b.org' });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('password');

    const malformed = await client.request<ApiErrorDto>('POST', '/api/auth/login', undefined, '{"email": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation.malformed_body');

    const huge = await client.request<ApiErrorDto>(
      'POST',
      '/api/auth/login',
      undefined,
      JSON.stringify({ email: 'x'.repeat(400_000) }),
    );
    expect(huge.status).toBe(413);

    const odd = await client.post<ApiErrorDto>('/api/setup', {
      ...newSetupRequest(),
      displayName: '\u0000'.repeat(500),
    });
    expect(odd.status).toBe(400);
    expect(odd.body.field).toBe('displayName');

    expect(await db.query('select count(*)::int as n from users')).toEqual(before);
  });

  it('keeps unknown routes and ids as clear 4xx errors', async () => {
    const { client, workspaceId } = await signedInOwner(app, db);
    expect((await client.get<ApiErrorDto>('/api/nothing-here')).status).toBe(404);
    const badId = await client.get<ApiErrorDto>('/api/workspaces/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.field).toBe('workspaceId');
    const unknown = await client.get<ApiErrorDto>('/api/workspaces/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect((await client.get(`/api/workspaces/${workspaceId}`)).status).toBe(200);
    expect(
      (await new HttpClient(app.baseUrl).get<ApiErrorDto>(`/api/workspaces/${workspaceId}`)).status,
    ).toBe(401);
  });

  it('reports health and serves an OpenAPI 3 document', async () => {
    const client = new HttpClient(app.baseUrl);
    const health = await client.get<{ status: string; database: { state: string; mode: string } }>(
      '/api/health',
    );
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { state: 'up', mode: 'postgres' } });
    const docs = await client.get<{ openapi: string; paths: Record<string, unknown> }>('/api/docs-json');
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/health']));
  });
});

async function signedInOwner(app: TestApp, db: TestDatabase) {
  const [owner] = await db.query<{ email: string }>('select email from users');
  const client = new HttpClient(app.baseUrl);
  const me = await client.post<MeDto>('/api/auth/login', {
    email: owner!.email,
    password: 'a long enough passphrase',
  });
  return { client, workspaceId: me.body.memberships[0]!.workspaceId };
}
