import { randomBytes } from 'node:crypto';
import { createDatabase, REDIS_URL } from './support/database';
import { newDataDir, type RunningServer, startServer } from './support/server';

const PERIOD_MS = 500;

describe('two api processes on one PostgreSQL and one Redis', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    db = await createDatabase();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('both serve, and a scheduled job fires once per period, not twice', async () => {
    const shared = {
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: `podium_e2e_${randomBytes(4).toString('hex')}`,
      HOUSEKEEPING_EVERY_MS: String(PERIOD_MS),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    };
    servers.push(
      ...(await Promise.all([
        startServer({ ...shared, DATA_DIR: newDataDir() }),
        startServer({ ...shared, DATA_DIR: newDataDir() }),
      ])),
    );

    for (const server of servers) {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        database: { mode: 'postgres' },
        redis: { state: 'up' },
        scheduler: { driver: 'bullmq' },
      });
    }

    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, PERIOD_MS * 8));
    // Other periodic jobs (chat sweeps, job-run purge) also record runs: count the housekeeping one.
    const runs = await db.query(
      `select run_key, instance_id from job_runs
       where job_name = 'auth.purgeExpiredSessions' and started_at >= '${since}'`,
    );
    const keys = runs.map((r) => r['run_key']);
    expect(new Set(keys).size).toBe(keys.length);
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(runs.length).toBeLessThanOrEqual(9);
  });
});
