import { randomUUID } from 'node:crypto';
import type {
  ApiErrorDto,
  BalanceDto,
  LeaderboardDto,
  LedgerPageDto,
  PointsSettingsDto,
} from '@podium/contracts';
import { DomainEvents } from '../src/common/events/domain-events';
import { TransactionRunner } from '../src/database/transaction';
import { PointsLedger } from '../src/modules/points/points-ledger';
import { newMember } from './support/factories';
import { until } from './support/live-harness';
import { useTestSuite } from './support/test-suite';

/** The ledger against the real PostgreSQL: idempotent credits, racing debits, the CHECK, the HTTP API. */
describe('Points ledger (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ledger = () => suite.app.podium.app.get(PointsLedger);
  const runner = () => suite.app.podium.app.get(TransactionRunner);
  const api = (path: string) => `/api/workspaces/${suite.owner.workspaceId}/points${path}`;

  async function newViewer(name = `viewer-${randomUUID().slice(0, 8)}`): Promise<string> {
    const [row] = await suite.db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, login, display_name)
       VALUES ($1, 'twitch', $2, $3, $3) RETURNING id`,
      [suite.owner.workspaceId, randomUUID(), name],
    );
    return row!.id;
  }
  const stored = async (viewerId: string) => {
    const [row] = await suite.db.query<{ balance: string; sum: string; entries: string }>(
      `SELECT (SELECT balance FROM points_balances WHERE viewer_id = $1)::text AS balance,
              (SELECT coalesce(sum(amount), 0) FROM points_ledger WHERE viewer_id = $1)::text AS sum,
              (SELECT count(*) FROM points_ledger WHERE viewer_id = $1)::text AS entries`,
      [viewerId],
    );
    return { balance: Number(row!.balance ?? 0), sum: Number(row!.sum), entries: Number(row!.entries) };
  };
  const credit = (viewerId: string, amount: number, sourceKey: string | null = null) =>
    ledger().run((tx) =>
      ledger().credit(tx, {
        workspaceId: suite.owner.workspaceId,
        viewerId,
        amount,
        reason: 'adjust',
        sourceKey,
      }),
    );

  it('credits once per source key, however often it is repeated', async () => {
    const viewer = await newViewer();
    const key = `event:${randomUUID()}:follow`;
    expect(await credit(viewer, 50, key)).toEqual({ applied: true, balance: 50 });
    expect(await credit(viewer, 50, key)).toEqual({ applied: false, balance: 50 });
    const racing = await Promise.all(Array.from({ length: 10 }, () => credit(viewer, 50, key)));
    expect(racing.every((r) => !r.applied)).toBe(true);
    expect(await credit(viewer, 7)).toEqual({ applied: true, balance: 57 });
    expect(await stored(viewer)).toEqual({ balance: 57, sum: 57, entries: 2 });
  });

  it('lets exactly 5 of 50 concurrent 100-point debits through a 500 balance', async () => {
    const viewer = await newViewer();
    await credit(viewer, 500);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        ledger().run((tx) =>
          ledger().debit(tx, {
            workspaceId: suite.owner.workspaceId,
            viewerId: viewer,
            amount: 100,
            reason: 'redeem',
            sourceKey: i % 2 === 0 ? `redeem:${randomUUID()}` : null,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.applied)).toHaveLength(5);
    expect(results.filter((r) => !r.applied && r.reason === 'insufficient')).toHaveLength(45);
    expect(await stored(viewer)).toEqual({ balance: 0, sum: 0, entries: 6 });
    const balances = results.flatMap((r) => (r.applied ? [r.balance] : [])).sort((a, b) => a - b);
    expect(balances).toEqual([0, 100, 200, 300, 400]);
  });

  it('refuses a repeated keyed debit and leaves no entry for a refused one', async () => {
    const viewer = await newViewer();
    await credit(viewer, 150);
    const debit = (sourceKey: string) =>
      ledger().run((tx) =>
        ledger().debit(tx, {
          workspaceId: suite.owner.workspaceId,
          viewerId: viewer,
          amount: 100,
          reason: 'redeem',
          sourceKey,
        }),
      );
    expect(await debit('redeem:a')).toEqual({ applied: true, balance: 50 });
    expect(await debit('redeem:a')).toEqual({ applied: false, reason: 'duplicate' });
    expect(await debit('redeem:b')).toEqual({ applied: false, reason: 'insufficient' });
    expect(await stored(viewer)).toEqual({ balance: 50, sum: 50, entries: 2 });
    // The refused key was released: it can be used once the money is there.
    await credit(viewer, 50);
    expect(await debit('redeem:b')).toEqual({ applied: true, balance: 0 });
  });

  it('debits once when a twin with the same key commits while this debit waits on the balance', async () => {
    const viewer = await newViewer();
    await credit(viewer, 300);
    const entry = {
      workspaceId: suite.owner.workspaceId,
      viewerId: viewer,
      amount: 100,
      reason: 'redeem' as const,
      sourceKey: `redeem:${randomUUID()}`,
    };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first: unknown;
    const firstDone = ledger().run(async (tx) => {
      first = await ledger().debit(tx, entry);
      await held; // the balance row stays locked, the key uncommitted
    });
    await until('the first debit ran', () => first !== undefined);
    // The twin's statement starts before the first commits: it waits on the balance row.
    const twin = ledger().run((tx) => ledger().debit(tx, entry));
    await until('the twin waits on the balance row', async () => {
      const [row] = await suite.db.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"moved" AS%'`,
      );
      return row!.waiting === 1;
    });
    release();
    await firstDone;
    expect(first).toEqual({ applied: true, balance: 200 });
    expect(await twin).toEqual({ applied: false, reason: 'duplicate' });
    expect(await stored(viewer)).toEqual({ balance: 200, sum: 200, entries: 2 });
  });

  it('has the database refuse a negative balance even to SQL that bypasses the ledger', async () => {
    const viewer = await newViewer();
    await credit(viewer, 10);
    await expect(
      suite.db.query(`UPDATE points_balances SET balance = balance - 11 WHERE viewer_id = $1`, [viewer]),
    ).rejects.toThrow(/ck_points_balances_not_negative/);
    expect((await stored(viewer)).balance).toBe(10);
  });

  it('rolls the balance back with the caller’s transaction, and publishes only committed changes', async () => {
    const viewer = await newViewer();
    const seen: number[] = [];
    const off = suite.app.podium.app
      .get(DomainEvents)
      .on('points.changed', (change) => void (change.viewerId === viewer && seen.push(change.balance)));
    await expect(
      ledger().run(async (tx) => {
        await ledger().credit(tx, {
          workspaceId: suite.owner.workspaceId,
          viewerId: viewer,
          amount: 40,
          reason: 'adjust',
        });
        throw new Error('caller failed after crediting');
      }),
    ).rejects.toThrow('caller failed');
    expect(await stored(viewer)).toEqual({ balance: 0, sum: 0, entries: 0 });
    expect(seen).toEqual([]);
    await credit(viewer, 40);
    expect(seen).toEqual([40]);
    off();
  });

  it('credits a merged identity to the viewer it was merged into', async () => {
    const target = await newViewer();
    const source = await newViewer();
    await suite.db.query(`UPDATE viewers SET merged_into_id = $1 WHERE id = $2`, [target, source]);
    expect(await credit(source, 30)).toEqual({ applied: true, balance: 30 });
    expect((await stored(target)).balance).toBe(30);
    expect(await runner().run((tx) => ledger().balance(tx, suite.owner.workspaceId, source))).toBe(30);
  });

  it('moves a merged identity’s balance to the viewer it is merged into, once', async () => {
    const target = await newViewer();
    const source = await newViewer();
    await credit(target, 5);
    await credit(source, 70);
    const merged = await suite.owner.client.post(`/api/workspaces/${suite.owner.workspaceId}/viewers/merge`, {
      sourceViewerId: source,
      targetViewerId: target,
    });
    expect(merged.status).toBe(200);
    await until('the balance moved', async () => (await stored(target)).balance === 75);
    const again = await suite.owner.client.post(`/api/workspaces/${suite.owner.workspaceId}/viewers/merge`, {
      sourceViewerId: source,
      targetViewerId: target,
    });
    expect(again.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stored(source)).toEqual({ balance: 0, sum: 0, entries: 2 });
    expect(await stored(target)).toEqual({ balance: 75, sum: 75, entries: 2 });
  });

  it('adjusts by hand over HTTP with a reason, refuses going below zero with 409, and pages history', async () => {
    const viewer = await newViewer('Adjusted');
    const { client } = suite.owner;
    const given = await client.post<BalanceDto>(api('/adjust'), {
      viewerId: viewer,
      amount: 120,
      reason: 'prize',
    });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ balance: 120, currencyName: 'points', viewer: { id: viewer } });
    const taken = await client.post<BalanceDto>(api('/adjust'), {
      viewerId: viewer,
      amount: -20,
      reason: 'oops',
    });
    expect(taken.body.balance).toBe(100);
    const tooMuch = await client.post<ApiErrorDto>(api('/adjust'), {
      viewerId: viewer,
      amount: -101,
      reason: 'x',
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('points.insufficient_balance');
    const zero = await client.post<ApiErrorDto>(api('/adjust'), { viewerId: viewer, amount: 0, reason: 'x' });
    expect(zero.status).toBe(400);
    const unknown = await client.post<ApiErrorDto>(api('/adjust'), {
      viewerId: randomUUID(),
      amount: 1,
      reason: 'x',
    });
    expect(unknown.status).toBe(404);

    for (let i = 0; i < 3; i += 1)
      await client.post(api('/adjust'), { viewerId: viewer, amount: 1, reason: `r${i}` });
    const first = await client.get<LedgerPageDto>(api(`/viewers/${viewer}/history?limit=2`));
    expect(first.body.entries.map((e) => e.note)).toEqual(['r2', 'r1']);
    expect(first.body.entries[0]).toMatchObject({
      amount: 1,
      reason: 'adjust',
      balanceAfter: 103,
      actorUserId: suite.owner.me.user.id,
    });
    const second = await client.get<LedgerPageDto>(
      api(`/viewers/${viewer}/history?limit=2&before=${first.body.nextCursor}`),
    );
    expect(second.body.entries.map((e) => e.note)).toEqual(['r0', 'oops']);
    const last = await client.get<LedgerPageDto>(
      api(`/viewers/${viewer}/history?limit=2&before=${second.body.nextCursor}`),
    );
    expect(last.body.entries.map((e) => [e.amount, e.note])).toEqual([[120, 'prize']]);
    expect(last.body.nextCursor).toBeNull();
  });

  it('lets only moderators adjust, and ranks the leaderboard', async () => {
    const member = await newMember(suite.owner.client, suite.owner.workspaceId, 'viewer');
    const viewer = await newViewer('Rich');
    const refused = await member.client.post(api('/adjust'), { viewerId: viewer, amount: 5, reason: 'x' });
    expect(refused.status).toBe(403);
    await suite.owner.client.post(api('/adjust'), { viewerId: viewer, amount: 1_000_000, reason: 'top' });
    const board = await member.client.get<LeaderboardDto>(api('/leaderboard?limit=3'));
    expect(board.status).toBe(200);
    expect(board.body.entries[0]).toMatchObject({
      rank: 1,
      balance: 1_000_000,
      viewer: { id: viewer, displayName: 'Rich' },
    });
    const found = await member.client.get<{ balances: BalanceDto[] }>(api('/balances?q=ric'));
    expect(found.body.balances.map((b) => [b.viewer.id, b.balance, b.rank])).toEqual([
      [viewer, 1_000_000, 1],
    ]);
  });

  it('reads and saves settings, keeps unsent fields, and names the field at fault', async () => {
    const { client } = suite.owner;
    const initial = await client.get<PointsSettingsDto>(api('/settings'));
    expect(initial.body).toMatchObject({
      currencyName: 'points',
      pointsPerCycle: 10,
      cycleMinutes: 10,
      passive: false,
    });
    const saved = await client.put<PointsSettingsDto>(api('/settings'), {
      currencyName: 'gems',
      passive: true,
    });
    expect(saved.body).toMatchObject({ currencyName: 'gems', passive: true, pointsPerCycle: 10 });
    const bad = await client.put<ApiErrorDto>(api('/settings'), { cycleMinutes: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('cycleMinutes');
    expect((await client.get<PointsSettingsDto>(api('/settings'))).body.currencyName).toBe('gems');
    await client.put(api('/settings'), { currencyName: 'points', passive: false });
  });
});
