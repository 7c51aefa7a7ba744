import { Client } from 'pg';

/**
 * `viewers` viewers of `workspaceId` who each chatted a minute and a half ago on a live Owncast
 * connection, written in SQL (as bench/points-cycle.bench.ts does): a points cycle then pays all of
 * them in one statement long enough to be interrupted.
 */
export async function seedPresentViewers(databaseUrl: string, workspaceId: string, viewers: number) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO platform_connections (workspace_id, platform, account_id, status)
       VALUES ($1, 'owncast', 'faults', 'disconnected') RETURNING id`,
      [workspaceId],
    );
    const connectionId = rows[0]!.id;
    await client.query(
      `INSERT INTO chat_events (workspace_id, connection_id, platform, external_id, kind, payload, occurred_at, received_at, processed_at)
       VALUES ($1, $2, 'owncast', 'online', 'stream_online', '{}'::jsonb, now(), now(), now())`,
      [workspaceId, connectionId],
    );
    await client.query(
      `INSERT INTO viewers (workspace_id, platform, platform_user_id, display_name)
       SELECT $1, 'owncast', 'faults-' || n, 'viewer ' || n FROM generate_series(1, $2) n`,
      [workspaceId, viewers],
    );
    await client.query(
      `INSERT INTO chat_events (workspace_id, connection_id, platform, external_id, kind, viewer_id, payload, occurred_at, received_at, processed_at)
       SELECT $1, $2, 'owncast', 'm-' || v.id, 'message', v.id, '{"kind":"message","text":"hi"}'::jsonb,
              now() - interval '90 seconds', now() - interval '90 seconds', now()
       FROM viewers v WHERE v.workspace_id = $1`,
      [workspaceId, connectionId],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** The backend running a cycle's payout statement right now, if any (not this session's own query). */
export const PAYOUT_RUNNING_SQL = `
  SELECT count(*)::int AS n FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
    AND query LIKE '%INSERT INTO "points_balances"%' AND query LIKE '%unnest(%'`;
