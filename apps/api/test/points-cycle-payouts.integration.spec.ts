import { randomUUID } from 'node:crypto';
import type { LedgerEntryDto, LedgerPageDto } from '@podium/contracts';
import { useTestSuite } from './support/test-suite';
import { PointsCyclesJob } from '../src/modules/points/cycles/points-cycles.job';
import { PointsService } from '../src/modules/points/points.service';

const MINUTE = 60_000;
const NO_TICK = { POINTS_CYCLE_TICK_MS: String(24 * 60 * MINUTE) };

/**
 * Cycles pay into a compact table, not the ledger: what a viewer, a report or a deletion sees must
 * not change. History interleaves cycles with ledger entries and adds up to the balance.
 */
describe('Points cycle payouts in history, reports and deletions (PostgreSQL)', () => {
  const suite = useTestSuite({ env: () => NO_TICK });
  const api = (path: string) => `/api/workspaces/${suite.owner.workspaceId}/points${path}`;
  const job = () => suite.app.podium.app.get(PointsCyclesJob);
  // Hours back, so the app's own clock finds nobody present in these cycles.
  const base = new Date(Math.floor((Date.now() - 5 * 60 * MINUTE) / (10 * MINUTE)) * 10 * MINUTE);
  const at = (cycle: number) => new Date(base.getTime() + cycle * 10 * MINUTE + MINUTE);
  let connectionId: string;

  beforeAll(async () => {
    const [connection] = await suite.db.query<{ id: string }>(
      `INSERT INTO platform_connections (workspace_id, platform, account_id, status)
       VALUES ($1, 'owncast', $2, 'disconnected') RETURNING id`,
      [suite.owner.workspaceId, randomUUID()],
    );
    connectionId = connection!.id;
    await suite.owner.client.put(api('/settings'), { onlyWhileLive: false, presenceWindowMinutes: 60 * 24 });
  });

  async function viewers(count: number): Promise<string[]> {
    const rows = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, display_name)
       SELECT $1, 'owncast', gen_random_uuid()::text, 'payee ' || n FROM generate_series(1, $2) n RETURNING id`,
      [suite.owner.workspaceId, count],
    );
    const ids = rows.map((row) => row.id);
    await suite.db.query(
      `INSERT INTO chat_events (workspace_id, connection_id, platform, external_id, kind, viewer_id, payload,
         occurred_at, received_at, processed_at)
       SELECT $1, $2, 'owncast', gen_random_uuid()::text, 'message', id, '{"kind":"message","text":"hi"}'::jsonb,
              $3, $3, now()
       FROM unnest($4::uuid[]) AS id`,
      [suite.owner.workspaceId, connectionId, new Date(base.getTime() - MINUTE), ids],
    );
    return ids;
  }

  async function history(viewerId: string): Promise<LedgerEntryDto[]> {
    const entries: LedgerEntryDto[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&before=${cursor}`;
      const page = await suite.owner.client.get<LedgerPageDto>(
        api(`/viewers/${viewerId}/history?limit=2${query}`),
      );
      expect(page.status).toBe(200);
      entries.push(...page.body.entries);
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    return entries;
  }

  const adjust = (viewerId: string, amount: number, reason: string) =>
    suite.owner.client.post(api('/adjust'), { viewerId, amount, reason });

  it('shows each cycle among the ledger entries, in order, paged, adding up to the balance', async () => {
    const [ada, bob] = await viewers(2);
    expect(await job().runCycle(suite.owner.workspaceId, at(0))).toMatchObject({ kind: 'paid' });
    await adjust(ada!, 5, 'bonus');
    expect(await job().runCycle(suite.owner.workspaceId, at(1))).toMatchObject({ kind: 'paid' });
    await adjust(ada!, -12, 'fine');
    expect(await job().runCycle(suite.owner.workspaceId, at(2))).toMatchObject({ kind: 'paid' });

    const entries = await history(ada!);
    expect(entries.map((e) => [e.reason, e.amount, e.balanceAfter])).toEqual([
      ['watch', 10, 23],
      ['adjust', -12, 13],
      ['watch', 10, 25],
      ['adjust', 5, 15],
      ['watch', 10, 10],
    ]);
    const cycleKey = `cycle:${new Date(base.getTime()).toISOString()}:${ada}`;
    expect(entries[4]).toMatchObject({ sourceKey: cycleKey, actorUserId: null, note: null });
    expect(new Set(entries.map((e) => e.id)).size).toBe(5);
    const balance = await suite.owner.client.get<{ balance: number }>(api(`/balances/${ada}`));
    expect(balance.body.balance).toBe(23);
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(23);
    expect((await history(bob!)).map((e) => e.balanceAfter)).toEqual([30, 20, 10]);
  });

  it('counts cycles as watch credits in report sums', async () => {
    const sums = await suite.app.podium.app
      .get(PointsService)
      .ledgerSumsBetween(suite.owner.workspaceId, new Date(Date.now() - 60 * MINUTE), new Date());
    const watch = sums.find((s) => s.reason === 'watch');
    // Three cycles paid two viewers 10 points each.
    expect(watch).toEqual({ reason: 'watch', credited: 60, debited: 0 });
  });

  it('forgets a viewer’s payouts with the viewer', async () => {
    const [gone] = await viewers(1);
    await job().runCycle(suite.owner.workspaceId, at(3));
    const payouts = async () =>
      (
        await suite.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM points_cycle_payouts WHERE viewer_id = $1`,
          [gone],
        )
      )[0]!.n;
    expect(await payouts()).toBe(1);
    await suite.db.query(`DELETE FROM viewers WHERE id = $1`, [gone]);
    expect(await payouts()).toBe(0);
  });
});
