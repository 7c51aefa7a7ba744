import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { RewardDto } from '@podium/contracts';
import { newOwner } from '../../apps/api/test/support/factories';
import { TestDatabase } from '../../apps/api/test/support/test-database';
import { TEST_REDIS_URL, uniqueName } from '../../apps/api/test/support/test-env';
import { type RunningServer, startServer } from '../../e2e/support/server';

/**
 * The redeem benchmark's world: the BUILT api (`dist/apps/api/main.js`, as `npm start` runs it) on a
 * fresh PostgreSQL database and a private Redis prefix, one owner, two list rewards (one for the
 * race, one for sustained load) and viewers with balances and panel sessions seeded in SQL (a panel
 * session is a row holding the digest of the cookie's token, as `!panel` sign-in stores it).
 */

export const RACE_BALANCE = 500;
export const RACE_PRICE = 100;
export const LOAD_BALANCE = 1_000_000;
export const LOAD_PRICE = 1;

export interface RedeemWorld {
  db: TestDatabase;
  server: RunningServer;
  baseUrl: string;
  workspaceId: string;
  raceRewardId: string;
  loadRewardId: string;
  raceViewer: { id: string; session: string };
  /** Viewers for sustained load, each with a panel session token. */
  viewers: { id: string; session: string }[];
  poolSize: string;
}

export async function createRedeemWorld(loadViewers: number): Promise<RedeemWorld> {
  const db = await TestDatabase.create();
  const poolSize = process.env['BENCH_DATABASE_POOL_SIZE'];
  const server = await startServer(
    {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: uniqueName('bench_redeems'),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
      ...(poolSize ? { DATABASE_POOL_SIZE: poolSize } : {}),
      // BENCH_API_NODE_ARGS: Node/V8 flags for the api, as the other benches take them;
      // BENCH_CPU_PROFILE_DIR: profile the api (see support/cpu-profile-preload.cjs).
      ...apiNodeOptions(),
    },
    { main: process.env['BENCH_API_MAIN'] },
  );
  try {
    const baseUrl = server.url.replace(/\/+$/, '');
    const owner = await newOwner(baseUrl);
    const workspaceId = owner.workspaceId;
    const reward = async (name: string, price: number) => {
      const created = await owner.client.post<RewardDto>(`/api/workspaces/${workspaceId}/rewards`, {
        name,
        type: 'list',
        price,
      });
      if (created.status !== 201) throw new Error(`reward ${name}: ${created.status}`);
      return created.body.id;
    };
    const raceRewardId = await reward('race', RACE_PRICE);
    const loadRewardId = await reward('bench', LOAD_PRICE);
    const rows = await db.query<{ id: string; n: number }>(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, display_name)
       SELECT $1, 'owncast', 'bench-' || n, 'viewer ' || n FROM generate_series(0, $2) n
       RETURNING id, substring(platform_user_id from 7)::int AS n`,
      [workspaceId, loadViewers],
    );
    const sorted = rows.sort((a, b) => a.n - b.n);
    const sessions = sorted.map(() => randomBytes(32).toString('base64url'));
    await db.query(
      `INSERT INTO points_balances (workspace_id, viewer_id, balance)
       SELECT $1, id, CASE WHEN id = $2 THEN $3::bigint ELSE $4::bigint END FROM unnest($5::uuid[]) id`,
      [workspaceId, sorted[0]?.id, RACE_BALANCE, LOAD_BALANCE, sorted.map((v) => v.id)],
    );
    await db.query(
      `INSERT INTO panel_sessions (workspace_id, viewer_id, token_hash, platform, display_name, expires_at)
       SELECT $1, v.id, v.hash, 'owncast', 'bench viewer', now() + interval '1 day'
       FROM unnest($2::uuid[], $3::text[]) AS v(id, hash)`,
      [workspaceId, sorted.map((v) => v.id), sessions.map(digest)],
    );
    await db.query('ANALYZE');
    const [race, ...viewers] = sorted.map((v, i) => ({ id: v.id, session: sessions[i] ?? '' }));
    if (!race) throw new Error('no viewers seeded');
    return {
      db,
      server,
      baseUrl,
      workspaceId,
      raceRewardId,
      loadRewardId,
      raceViewer: race,
      viewers,
      poolSize: poolSize ?? 'default (10)',
    };
  } catch (error) {
    await server.stop();
    await db.drop();
    throw error;
  }
}

export async function destroyRedeemWorld(world: RedeemWorld): Promise<void> {
  await world.server.stop();
  await world.db.drop();
}

/** As the api stores a panel session: the token's SHA-256, hex. */
function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The PostgreSQL backends serving this database now (the api's pool). */
export async function backendPids(db: TestDatabase): Promise<number[]> {
  const rows = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND backend_type = 'client backend'`,
  );
  return rows.map((r) => r.pid);
}

/** Exactly-once, from the database: every accepted redeem is one redemption, one ledger debit, and
 *  every balance equals what it was seeded with plus its ledger entries. */
export async function ledgerAudit(world: RedeemWorld): Promise<{
  redemptions: number;
  debits: number;
  balancesMatchLedger: boolean;
  raceBalance: number;
  raceRedemptions: number;
}> {
  const [row] = await world.db.query<{
    redemptions: number;
    debits: number;
    mismatched: number;
    race_balance: string;
    race_redemptions: number;
  }>(
    `SELECT
       (SELECT count(*)::int FROM redemptions WHERE workspace_id = $1) AS redemptions,
       (SELECT count(*)::int FROM points_ledger WHERE workspace_id = $1 AND source_key LIKE 'redeem:%') AS debits,
       (SELECT count(*)::int FROM points_balances b
        WHERE b.workspace_id = $1 AND b.balance <>
          CASE WHEN b.viewer_id = $2 THEN $3::bigint ELSE $4::bigint END
          + (SELECT coalesce(sum(amount), 0) FROM points_ledger l
             WHERE l.workspace_id = $1 AND l.viewer_id = b.viewer_id)) AS mismatched,
       (SELECT balance FROM points_balances WHERE workspace_id = $1 AND viewer_id = $2) AS race_balance,
       (SELECT count(*)::int FROM redemptions WHERE workspace_id = $1 AND viewer_id = $2) AS race_redemptions`,
    [world.workspaceId, world.raceViewer.id, RACE_BALANCE, LOAD_BALANCE],
  );
  if (!row) throw new Error('audit returned nothing');
  return {
    redemptions: row.redemptions,
    debits: row.debits,
    balancesMatchLedger: row.mismatched === 0,
    raceBalance: Number(row.race_balance),
    raceRedemptions: row.race_redemptions,
  };
}

function apiNodeOptions(): Record<string, string> {
  const profileDir = process.env['BENCH_CPU_PROFILE_DIR'];
  const options = [
    process.env['BENCH_API_NODE_ARGS'] ?? '',
    profileDir ? `--require ${join(__dirname, 'cpu-profile-preload.cjs')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    ...(options ? { NODE_OPTIONS: options } : {}),
    ...(profileDir ? { BENCH_CPU_PROF_DIR: profileDir } : {}),
  };
}
