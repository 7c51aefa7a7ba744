import { randomUUID } from 'node:crypto';
import type { RedeemResultDto, RewardDto } from '@podium/contracts';
import { TransactionRunner } from '../src/database/transaction';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { RedeemService } from '../src/modules/redeems/redeem.service';
import { useTestSuite } from './support/test-suite';

/** Racing redeems against the real PostgreSQL: the balance never goes below zero, whatever the race. */
describe('redeems under concurrency (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;
  const get = <T>(type: abstract new (...args: never[]) => T) => suite.app.podium.app.get(type);

  async function newViewer(): Promise<string> {
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, 'racer', 'Racer') RETURNING id`,
      [suite.owner.workspaceId, randomUUID()],
    );
    return row!.id;
  }
  const stored = async (viewerId: string) => {
    const [row] = await suite.db.query<{ balance: string; sum: string; redemptions: string }>(
      `SELECT (SELECT balance FROM points_balances WHERE viewer_id = $1)::text AS balance,
              (SELECT coalesce(sum(amount), 0) FROM points_ledger WHERE viewer_id = $1)::text AS sum,
              (SELECT count(*) FROM redemptions WHERE viewer_id = $1)::text AS redemptions`,
      [viewerId],
    );
    return { balance: Number(row!.balance), sum: Number(row!.sum), redemptions: Number(row!.redemptions) };
  };

  it('lets exactly 5 of 1,000 concurrent 100-point redeems through a 500 balance', async () => {
    const viewer = await newViewer();
    const ledger = get(PointsLedger);
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId: viewer,
        amount: 500,
        reason: 'adjust',
      }),
    );
    const reward = (
      await suite.owner.client.post<RewardDto>(`${ws()}/rewards`, { name: 'race', type: 'list', price: 100 })
    ).body;
    const service = get(RedeemService);
    const results: RedeemResultDto[] = await Promise.all(
      Array.from({ length: 1000 }, () =>
        service.redeem({
          workspaceId: suite.owner.workspaceId,
          viewerId: viewer,
          request: { rewardId: reward.id, requestId: randomUUID() },
          source: 'api',
        }),
      ),
    );
    const succeeded = results.filter((r) => r.outcome === 'queued');
    const refused = results.filter((r) => r.outcome === 'refused');
    expect(succeeded).toHaveLength(5);
    expect(refused).toHaveLength(995);
    expect(refused.every((r) => r.outcome === 'refused' && r.reason === 'insufficient')).toBe(true);
    const after = succeeded.map((r) => r.balance).sort((a, b) => a - b);
    expect(after).toEqual([0, 100, 200, 300, 400]);
    expect(await stored(viewer)).toEqual({ balance: 0, sum: 0, redemptions: 5 });
    expect(await ledger.balance(get(TransactionRunner).none, suite.owner.workspaceId, viewer)).toBe(0);
  }, 120_000);

  it('redeems once for 20 concurrent HTTP requests with the same request id', async () => {
    const viewer = await newViewer();
    const ledger = get(PointsLedger);
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId: viewer,
        amount: 1000,
        reason: 'adjust',
      }),
    );
    const reward = (
      await suite.owner.client.post<RewardDto>(`${ws()}/rewards`, { name: 'click', type: 'list', price: 100 })
    ).body;
    const body = { viewerId: viewer, rewardId: reward.id, requestId: randomUUID() };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => suite.owner.client.post<RedeemResultDto>(`${ws()}/redeems`, body)),
    );
    expect(results.every((r) => r.status === 200 && r.body.outcome === 'queued')).toBe(true);
    expect(await stored(viewer)).toEqual({ balance: 900, sum: 900, redemptions: 1 });
  });

  it('refunds once when 10 moderators refund the same redemption at once', async () => {
    const viewer = await newViewer();
    const ledger = get(PointsLedger);
    await ledger.run((tx) =>
      ledger.credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId: viewer,
        amount: 100,
        reason: 'adjust',
      }),
    );
    const reward = (
      await suite.owner.client.post<RewardDto>(`${ws()}/rewards`, {
        name: 'refundme',
        type: 'list',
        price: 100,
      })
    ).body;
    const made = await suite.owner.client.post<RedeemResultDto>(`${ws()}/redeems`, {
      viewerId: viewer,
      rewardId: reward.id,
      requestId: randomUUID(),
    });
    if (made.body.outcome === 'refused') throw new Error(made.body.message);
    const id = made.body.redemption.id;
    const refunds = await Promise.all(
      Array.from({ length: 10 }, () => suite.owner.client.post(`${ws()}/redeems/${id}/refund`)),
    );
    expect(refunds.filter((r) => r.status === 200)).toHaveLength(1);
    expect(refunds.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await stored(viewer)).toEqual({ balance: 100, sum: 100, redemptions: 1 });
  });
});
