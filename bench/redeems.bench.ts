import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { RedeemResultDto, RewardDto } from '@podium/contracts';
import { newOwner } from '../apps/api/test/support/factories';
import { startTestApp } from '../apps/api/test/support/test-app';
import { TestDatabase } from '../apps/api/test/support/test-database';
import { RedeemService } from '../apps/api/src/modules/redeems/redeem.service';

/**
 * Redeem throughput: the real api on a fresh PostgreSQL database, V viewers each holding plenty of
 * points, redeeming a 1-point list reward with V redeems in flight at once (one per viewer) until
 * TOTAL redeems are done, through `RedeemService.redeem` (the path REST, chat and the panel share).
 * A last case has one viewer and 100 in flight (all on one balance row). Not part of `npm test`.
 */

const VIEWERS = (process.env['BENCH_REDEEM_VIEWERS'] ?? '1,10,100,500')
  .split(',')
  .map((s) => Number.parseInt(s.trim(), 10))
  .filter((n) => Number.isInteger(n) && n > 0);
const TOTAL = Math.max(100, Number(process.env['BENCH_REDEEM_TOTAL'] ?? 3000));
const RESULTS_FILE = process.env['BENCH_RESULTS_FILE'] ?? join(__dirname, 'results', 'redeems.md');

interface Case {
  label: string;
  viewers: number;
  inFlight: number;
  redeems: number;
  ms: number;
  p50: number;
  p95: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function measure(): Promise<{ cases: Case[]; poolSize: string }> {
  const db = await TestDatabase.create();
  const app = await startTestApp({ databaseUrl: db.url });
  try {
    const owner = await newOwner(app.baseUrl);
    const ws = owner.workspaceId;
    const reward = (
      await owner.client.post<RewardDto>(`/api/workspaces/${ws}/rewards`, {
        name: 'bench',
        type: 'list',
        price: 1,
      })
    ).body;
    const maxViewers = Math.max(...VIEWERS);
    const viewers = await db.query<{ id: string }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, display_name)
       SELECT $1, 'owncast', 'bench-' || n, 'viewer ' || n FROM generate_series(1, $2) n RETURNING id`,
      [ws, maxViewers],
    );
    await db.query(
      `INSERT INTO points_balances (workspace_id, viewer_id, balance) SELECT $1, id, 1000000 FROM viewers WHERE workspace_id = $1`,
      [ws],
    );
    await db.query('ANALYZE');
    const service = app.podium.app.get(RedeemService);
    const run = async (label: string, ids: string[], inFlight: number): Promise<Case> => {
      let next = 0;
      const latencies: number[] = [];
      const worker = async (slot: number) => {
        while (next < TOTAL) {
          next += 1;
          const viewerId = ids[slot % ids.length] ?? '';
          const t = performance.now();
          const result: RedeemResultDto = await service.redeem({
            workspaceId: ws,
            viewerId,
            request: { rewardId: reward.id, requestId: randomUUID() },
            source: 'api',
          });
          latencies.push(performance.now() - t);
          if (result.outcome === 'refused') throw new Error(`refused: ${result.reason}`);
        }
      };
      const start = performance.now();
      await Promise.all(Array.from({ length: inFlight }, (_, slot) => worker(slot)));
      const ms = performance.now() - start;
      const c: Case = {
        label,
        viewers: ids.length,
        inFlight,
        redeems: latencies.length,
        ms,
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
      };
      console.log(
        `${label}: ${c.redeems} redeems in ${ms.toFixed(0)} ms = ${Math.round((c.redeems / ms) * 1000)}/s`,
      );
      return c;
    };
    const all = viewers.map((v) => v.id);
    const cases: Case[] = [];
    await run('warm-up', all.slice(0, 10), 10);
    for (const n of VIEWERS) cases.push(await run(`${n} viewer${n === 1 ? '' : 's'}`, all.slice(0, n), n));
    cases.push(await run('1 viewer, 100 in flight', all.slice(0, 1), 100));
    const [sum] = await db.query<{ ok: boolean }>(
      `SELECT (SELECT sum(balance) FROM points_balances WHERE workspace_id = $1) =
              (SELECT $2::bigint * 1000000 + coalesce(sum(amount), 0) FROM points_ledger WHERE workspace_id = $1) AS ok`,
      [ws, maxViewers],
    );
    if (!sum?.ok) throw new Error('balances and ledger disagree');
    return { cases, poolSize: process.env['DATABASE_POOL_SIZE'] ?? 'default (10)' };
  } finally {
    await app.close();
    await db.drop();
  }
}

describe('redeem throughput benchmark', () => {
  it('redeems with N concurrent viewers', async () => {
    const loadBefore = loadavg();
    const { cases, poolSize } = await measure();
    const loadAfter = loadavg();
    const pgVersion = execFileSync('psql', [
      '-h',
      '127.0.0.1',
      '-U',
      'postgres',
      '-Atc',
      'SHOW server_version',
    ])
      .toString()
      .trim();
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    const cpu = cpus();
    const markdown = [
      '# Redeem throughput benchmark: results',
      '',
      'Written by `bench/redeems.bench.ts` (see `bench/README.md`); run it again to replace this file.',
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; load average before ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`,
      `- Node ${process.version}, PostgreSQL ${pgVersion}; api database pool ${poolSize}`,
      `- Commit: ${commit} (with uncommitted changes)`,
      `- ${TOTAL} redeems per case of a 1-point list reward (no cooldown, no limit), every one accepted`,
      '',
      '| case | viewers | in flight | redeems | time (ms) | redeems/s | latency p50 (ms) | p95 (ms) |',
      '| ---- | ------- | --------- | ------- | --------- | --------- | ---------------- | -------- |',
      ...cases.map(
        (c) =>
          `| ${c.label} | ${c.viewers} | ${c.inFlight} | ${c.redeems} | ${c.ms.toFixed(0)} | ${Math.round((c.redeems / c.ms) * 1000)} | ${c.p50.toFixed(1)} | ${c.p95.toFixed(1)} |`,
      ),
      '',
      'Each redeem is `RedeemService.redeem`: the reads before the transaction (viewer, request id,',
      'reward with categories, passive mode), then one transaction: the redemption insert (unique request',
      'id), the keyed ledger debit (one conditional update), the type handler. The one-viewer case shows',
      'the cost of many redeems waiting on one balance row; afterwards the bench checks that the balances',
      'and the ledger still agree.',
      '',
    ].join('\n');
    writeFileSync(RESULTS_FILE, markdown);
    console.log(markdown);
  });
});
