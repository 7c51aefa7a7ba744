import { randomUUID } from 'node:crypto';
import type { RedeemResultDto, RewardDto } from '@podium/contracts';
import { RedeemService } from '../src/modules/redeems/redeem.service';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { goalsVotesHelpers } from './support/goals-votes';
import { useTestSuite } from './support/test-suite';

/**
 * Concurrent plain redeems of one workspace are written in batches (one transaction, a running sum
 * per viewer): whatever lands in one batch, the result must be one a serial order could give.
 */
describe('redeems written in batches (PostgreSQL)', () => {
  const suite = useTestSuite();
  const { ws, get, newViewer: viewerWith } = goalsVotesHelpers(suite);
  const reward = async (name: string, type: 'list' | 'counter', price: number, extra: object = {}) =>
    (await suite.owner.client.post<RewardDto>(`${ws()}/rewards`, { name, type, price, ...extra })).body;
  const redeem = (viewerId: string, rewardId: string, requestId: string = randomUUID()) =>
    get(RedeemService).redeem({
      workspaceId: suite.owner.workspaceId,
      viewerId,
      request: { rewardId, requestId },
      source: 'api',
    });
  /** The sizes of the debit batches written while `work` runs (proves the batch path was taken). */
  async function batchSizes<T>(work: () => Promise<T>): Promise<{ result: T; sizes: number[] }> {
    const spy = jest.spyOn(get(PointsLedger), 'debitMany');
    try {
      const result = await work();
      return { result, sizes: spy.mock.calls.map(([, , debits]) => debits.length) };
    } finally {
      spy.mockRestore();
    }
  }
  const stored = async (viewerId: string) => {
    const [row] = await suite.db.query<{
      balance: string;
      ledger: string;
      spent: string;
      redemptions: string;
    }>(
      `SELECT (SELECT balance FROM points_balances WHERE viewer_id = $1)::text AS balance,
              (SELECT coalesce(sum(amount), 0) FROM points_ledger WHERE viewer_id = $1)::text AS ledger,
              (SELECT coalesce(sum(spent), 0) FROM redemptions WHERE viewer_id = $1)::text AS spent,
              (SELECT count(*) FROM redemptions WHERE viewer_id = $1)::text AS redemptions`,
      [viewerId],
    );
    return {
      balance: Number(row!.balance),
      ledger: Number(row!.ledger),
      spent: Number(row!.spent),
      redemptions: Number(row!.redemptions),
    };
  };

  it('never overspends and refuses only what the balance left could not pay (mixed prices, one viewer)', async () => {
    const viewer = await viewerWith(150);
    const big = await reward('big', 'list', 100);
    const small = await reward('small', 'counter', 20);
    const asks = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? big : small));
    const { result: results, sizes } = await batchSizes((): Promise<RedeemResultDto[]> =>
      Promise.all(asks.map((r) => redeem(viewer, r.id))),
    );
    expect(Math.max(...sizes)).toBeGreaterThan(1);

    const accepted = asks.filter((_, i) => results[i]?.outcome !== 'refused');
    const refused = asks.filter((_, i) => results[i]?.outcome === 'refused');
    const after = await stored(viewer);
    const paid = accepted.reduce((sum, r) => sum + r.price, 0);
    expect(after).toEqual({
      balance: 150 - paid,
      ledger: 150 - paid,
      spent: paid,
      redemptions: accepted.length,
    });
    expect(after.balance).toBeGreaterThanOrEqual(0);
    // No credits came in: each refusal must be deserved at the end, as in some serial order.
    expect(refused.every((r) => r.price > after.balance)).toBe(true);
    expect(results.every((r) => r.outcome !== 'refused' || r.reason === 'insufficient')).toBe(true);
    // Counters are fulfilled at once, lists wait in the queue.
    results.forEach((r, i) => {
      if (r.outcome === 'refused') return;
      expect(r.outcome).toBe(asks[i] === small ? 'done' : 'queued');
      expect(r.redemption.status).toBe(asks[i] === small ? 'fulfilled' : 'pending');
    });
  });

  it('debits many viewers at once exactly once each, and a repeated request id once', async () => {
    const viewers = await Promise.all(Array.from({ length: 30 }, () => viewerWith(50)));
    const item = await reward('item', 'list', 10);
    const twice = randomUUID();
    const { result: results, sizes } = await batchSizes(() =>
      Promise.all([
        ...viewers.flatMap((v) => [redeem(v, item.id), redeem(v, item.id)]),
        redeem(viewers[0]!, item.id, twice),
        redeem(viewers[0]!, item.id, twice),
        redeem(viewers[0]!, item.id, twice),
      ]),
    );
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(results.every((r) => r.outcome === 'queued')).toBe(true);
    const repeated = results.slice(-3).map((r) => (r.outcome === 'queued' ? r.redemption.id : null));
    expect(new Set(repeated).size).toBe(1);
    expect(await stored(viewers[0]!)).toEqual({ balance: 20, ledger: 20, spent: 30, redemptions: 3 });
    for (const v of viewers.slice(1)) {
      expect(await stored(v)).toEqual({ balance: 30, ledger: 30, spent: 20, redemptions: 2 });
    }
    const [ledgerRows] = await suite.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM points_ledger l JOIN redemptions d ON l.source_key = 'redeem:' || d.id
       WHERE d.reward_id = $1`,
      [item.id],
    );
    expect(Number(ledgerRows!.n)).toBe(61);
  });

  it('shares one balance exactly between batched redeems and redeems written alone at the same time', async () => {
    const viewer = await viewerWith(500);
    const plain = await reward('plain', 'list', 10);
    // A limit makes a redeem claim it in a transaction of its own: the two paths race for the balance.
    const limited = await reward('limited', 'list', 10, { maxPerViewer: 1000 });
    const asks = Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? limited : plain));
    const { result: results, sizes } = await batchSizes(() =>
      Promise.all(asks.map((r) => redeem(viewer, r.id))),
    );
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(results.filter((r) => r.outcome === 'queued')).toHaveLength(50);
    expect(results.filter((r) => r.outcome === 'refused' && r.reason === 'insufficient')).toHaveLength(70);
    expect(await stored(viewer)).toEqual({ balance: 0, ledger: 0, spent: 500, redemptions: 50 });
  });
});
