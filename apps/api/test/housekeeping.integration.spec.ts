import { PanelAuthService } from '../src/modules/panel/panel-auth.service';
import { PurgeJobRunsJob } from '../src/modules/scheduler/purge-job-runs.job';
import { useTestSuite } from './support/test-suite';

describe('housekeeping (PostgreSQL)', () => {
  const suite = useTestSuite();

  it('forgets job runs older than three days and keeps the recent ones', async () => {
    await suite.db.query(
      `insert into job_runs (job_name, run_key, instance_id, started_at)
       values ('old', 'old:1', 'test', now() - interval '4 days'), ('recent', 'recent:1', 'test', now() - interval '2 days')`,
    );
    const purged = await suite.app.podium.app.get(PurgeJobRunsJob).purge();
    expect(purged).toBeGreaterThanOrEqual(1);
    const left = await suite.db.query<{ job_name: string }>(
      `select job_name from job_runs where job_name in ('old', 'recent')`,
    );
    expect(left.map((row) => row.job_name)).toEqual(['recent']);
  });

  it('forgets viewer-panel links a day past their end and sessions past theirs', async () => {
    const ws = `/api/workspaces/${suite.owner.workspaceId}`;
    const said = await suite.owner.client.post(`${ws}/rehearsal/events`, {
      kind: 'message',
      viewer: { displayName: 'Ada', roles: [] },
      text: 'hello',
    });
    expect(said.status).toBeLessThan(300);
    const [viewer] = await suite.db.query<{ id: string }>(
      `select id from viewers where workspace_id = $1 and display_name = 'Ada'`,
      [suite.owner.workspaceId],
    );
    const link = (tag: string, expires: string) =>
      suite.db.query(
        `insert into panel_links (workspace_id, viewer_id, token_hash, platform, display_name, expires_at)
         values ($1, $2, md5($3) || md5($3), 'rehearsal', 'Ada', now() + $4::interval)`,
        [suite.owner.workspaceId, viewer!.id, tag, expires],
      );
    const session = (tag: string, expires: string) =>
      suite.db.query(
        `insert into panel_sessions (workspace_id, viewer_id, token_hash, platform, display_name, expires_at)
         values ($1, $2, md5($3) || md5($3), 'rehearsal', 'Ada', now() + $4::interval)`,
        [suite.owner.workspaceId, viewer!.id, tag, expires],
      );
    await link('link-long-gone', '-2 days');
    await link('link-just-ended', '-1 hour');
    await session('session-ended', '-1 minute');
    await session('session-alive', '1 day');

    await suite.app.podium.app.get(PanelAuthService).purgeExpired();

    const links = await suite.db.query<{ token_hash: string }>(`select token_hash from panel_links`);
    expect(links).toHaveLength(1);
    const sessions = await suite.db.query<{ expires_at: Date }>(`select expires_at from panel_sessions`);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.expires_at.getTime()).toBeGreaterThan(Date.now());
  });
});
