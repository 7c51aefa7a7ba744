import type { WorkspaceDto } from '@podium/contracts';
import { newOwner } from './support/factories';
import { HttpClient } from './support/http-client';
import { connectSocket, nextEvent } from './support/sockets';
import { clearRedisPrefix, newRedisPrefix, startTestApp, type TestApp } from './support/test-app';
import { TestDatabase } from './support/test-database';

const PERIOD_MS = 400;

describe('two replicas sharing PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let prefix: string;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await TestDatabase.create();
    prefix = newRedisPrefix();
    const env = { HOUSEKEEPING_EVERY_MS: String(PERIOD_MS), LOGIN_ATTEMPTS_PER_15_MIN: '2' };
    [a, b] = await Promise.all([
      startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env }),
      startTestApp({ databaseUrl: db.url, redisPrefix: prefix, env }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await db?.drop();
    await clearRedisPrefix(prefix);
  });

  it('reports Redis and the BullMQ scheduler in health', async () => {
    const health = await new HttpClient(a.baseUrl).get<{
      redis: { state: string };
      scheduler: { driver: string };
    }>('/api/health');
    expect(health.body).toMatchObject({ redis: { state: 'up' }, scheduler: { driver: 'bullmq' } });
  });

  it('runs a repeated job once per period, whichever worker takes it', async () => {
    const windowStart = new Date();
    await new Promise((resolve) => setTimeout(resolve, PERIOD_MS * 8));
    const runs = await db.query<{ run_key: string; instance_id: string }>(
      `select run_key, instance_id from job_runs where job_name = 'auth.purgeExpiredSessions' and started_at >= $1`,
      [windowStart],
    );
    const keys = runs.map((r) => r.run_key);
    expect(new Set(keys).size).toBe(keys.length);
    // Eight periods elapsed: one run each, give or take the edges — never two per period.
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(runs.length).toBeLessThanOrEqual(9);
  });

  it('delivers an event caused on one replica to a socket on the other', async () => {
    const owner = await newOwner(a.baseUrl);
    const { socket } = await connectSocket(b.baseUrl, { cookie: owner.client.cookie });
    try {
      const renamed = nextEvent(socket, 'workspace.renamed');
      const result = await owner.client.patch<WorkspaceDto>(`/api/workspaces/${owner.workspaceId}`, {
        name: 'Across replicas',
      });
      expect(result.status).toBe(200);
      expect((await renamed).workspace.name).toBe('Across replicas');
    } finally {
      socket.close();
    }
  });

  it('counts sign-in attempts across replicas', async () => {
    const statuses = [];
    for (const app of [a, b, a]) {
      statuses.push(
        (
          await new HttpClient(app.baseUrl).post('/api/auth/login', {
            email: 'x@example.org',
            password: 'nope',
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});
