import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HealthDto, MeDto, SetupStatus } from '@podium/contracts';
import { newOwner } from './support/factories';
import { HttpClient } from './support/http-client';
import { startTestApp } from './support/test-app';

describe('embedded mode: no DATABASE_URL, no REDIS_URL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two starts, each applying every migration on the embedded engine: slow on a loaded machine.
  it('keeps the owner across a restart, with data under DATA_DIR', async () => {
    const first = await startTestApp({ dataDir });
    let owner;
    try {
      const health = await new HttpClient(first.baseUrl).get<HealthDto>('/api/health');
      expect(health.body).toMatchObject({
        status: 'ok',
        database: { state: 'up', mode: 'embedded' },
        redis: { state: 'disabled' },
        scheduler: { driver: 'in-process' },
      });
      owner = await newOwner(first.baseUrl);
      const created = await owner.client.post('/api/workspaces', { name: 'Second' });
      expect(created.status).toBe(201);
    } finally {
      await first.close();
    }

    const second = await startTestApp({ dataDir });
    try {
      const client = new HttpClient(second.baseUrl);
      expect((await client.get<SetupStatus>('/api/setup')).body).toEqual({ needsSetup: false });
      const me = await client.post<MeDto>('/api/auth/login', {
        email: owner.request.email,
        password: owner.request.password,
      });
      expect(me.status).toBe(200);
      expect(me.body.memberships.map((m) => m.workspaceName).sort()).toEqual(
        [owner.request.workspaceName, 'Second'].sort(),
      );
    } finally {
      await second.close();
    }
  }, 180_000);
});
