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
});
