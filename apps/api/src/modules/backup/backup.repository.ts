import { Injectable } from '@nestjs/common';
import type { Role } from '@podium/contracts';
import type { Tx } from '../../database/transaction';
import { BACKUP_TABLES, type BackupTable, REPLACEABLE_TABLES } from './backup-tables';

export type Row = Record<string, unknown>;

export interface TableColumns {
  /** Column names in table order. */
  names: string[];
  /** Identity columns (an insert keeping their values needs OVERRIDING SYSTEM VALUE). */
  identity: string[];
}

export interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  joined_at: string;
}

export interface ScheduleRow {
  workspace_id: string;
  enabled: boolean;
  interval_hours: number;
  keep: number;
  last_backup_at: Date | null;
  last_error: string | null;
}

const quote = (name: string): string => `"${name.replace(/"/gu, '""')}"`;
/** Rows per INSERT: one JSON parameter each, well under any protocol limit. */
const CHUNK = 500;

/**
 * Raw SQL over the tables listed in backup-tables.ts (the documented exception to table ownership)
 * and the backup schedule. Rows travel as PostgreSQL's own JSON (`to_jsonb`) and come back through
 * `jsonb_populate_recordset`, so every type (timestamps to the microsecond, arrays, jsonb) round-trips.
 */
@Injectable()
export class BackupRepository {
  /** The live column list of each listed table (tables of a newer schema simply appear). */
  async columns(tx: Tx): Promise<Map<string, TableColumns>> {
    const rows = (await tx.query(
      `SELECT "table_name", "column_name", "is_identity" FROM information_schema.columns
       WHERE "table_schema" = current_schema() AND "table_name" = ANY($1)
       ORDER BY "table_name", "ordinal_position"`,
      [BACKUP_TABLES.map((t) => t.name)],
    )) as { table_name: string; column_name: string; is_identity: string }[];
    const map = new Map<string, TableColumns>();
    for (const row of rows) {
      const entry = map.get(row.table_name) ?? { names: [], identity: [] };
      entry.names.push(row.column_name);
      if (row.is_identity === 'YES') entry.identity.push(row.column_name);
      map.set(row.table_name, entry);
    }
    return map;
  }

  /** Every table of the schema that has a workspace_id column (to check the lists stay complete). */
  async workspaceScopedTables(tx: Tx): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT DISTINCT "table_name" FROM information_schema.columns
       WHERE "table_schema" = current_schema() AND "column_name" = 'workspace_id' ORDER BY 1`,
    )) as { table_name: string }[];
    return rows.map((r) => r.table_name);
  }

  async schemaVersion(tx: Tx): Promise<string> {
    const rows = (await tx.query(`SELECT "name" FROM "migrations" ORDER BY "timestamp" DESC LIMIT 1`)) as {
      name: string;
    }[];
    return rows[0]?.name ?? 'none';
  }

  async knownMigrations(tx: Tx): Promise<Set<string>> {
    const rows = (await tx.query(`SELECT "name" FROM "migrations"`)) as { name: string }[];
    return new Set(rows.map((r) => r.name));
  }

  async workspace(
    tx: Tx,
    workspaceId: string,
  ): Promise<{ id: string; name: string; created_at: string } | null> {
    const rows = (await tx.query(
      `SELECT "id", "name", to_jsonb("created_at") #>> '{}' AS "created_at" FROM "workspaces" WHERE "id" = $1`,
      [workspaceId],
    )) as { id: string; name: string; created_at: string }[];
    return rows[0] ?? null;
  }

  async members(tx: Tx, workspaceId: string): Promise<MemberRow[]> {
    return (await tx.query(
      `SELECT m."user_id", u."email", u."display_name", m."role",
              to_jsonb(m."joined_at") #>> '{}' AS "joined_at"
       FROM "workspace_members" m JOIN "users" u ON u."id" = m."user_id"
       WHERE m."workspace_id" = $1 ORDER BY m."joined_at", u."email"`,
      [workspaceId],
    )) as MemberRow[];
  }

  /** The workspace's rows of one table, as JSON objects; `media.data` as base64. */
  async exportRows(tx: Tx, table: BackupTable, workspaceId: string): Promise<Row[]> {
    const json =
      table.name === 'media'
        ? `to_jsonb(t) - 'data' || jsonb_build_object('data', translate(encode(t."data", 'base64'), E'\\n', ''))`
        : 'to_jsonb(t)';
    const rows = (await tx.query(
      `SELECT ${json} AS "row" FROM ${quote(table.name)} t WHERE ${table.scope} ORDER BY ${table.order}`,
      [workspaceId],
    )) as { row: Row }[];
    return rows.map((r) => r.row);
  }

  async workspaceExists(tx: Tx, workspaceId: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM "workspaces" WHERE "id" = $1`, [workspaceId]);
    return rows.length > 0;
  }

  /** True when any of these ids is already a row of `table` (a copy imported earlier). */
  async anyIdExists(tx: Tx, table: string, ids: string[]): Promise<boolean> {
    if (ids.length === 0) return false;
    const rows = await tx.query(`SELECT 1 FROM ${quote(table)} WHERE "id" = ANY($1::uuid[]) LIMIT 1`, [ids]);
    return rows.length > 0;
  }

  /** Tables (other than default settings) already holding rows of the workspace. */
  async nonEmptyTables(tx: Tx, workspaceId: string): Promise<string[]> {
    const found: string[] = [];
    for (const table of BACKUP_TABLES) {
      if (REPLACEABLE_TABLES.has(table.name)) continue;
      const rows = await tx.query(`SELECT 1 FROM ${quote(table.name)} t WHERE ${table.scope} LIMIT 1`, [
        workspaceId,
      ]);
      if (rows.length > 0) found.push(table.name);
    }
    return found;
  }

  async deleteReplaceable(tx: Tx, workspaceId: string): Promise<void> {
    for (const name of REPLACEABLE_TABLES) {
      await tx.query(`DELETE FROM ${quote(name)} WHERE "workspace_id" = $1`, [workspaceId]);
    }
  }

  async insertWorkspace(tx: Tx, id: string, name: string, createdAt: string): Promise<void> {
    await tx.query(`INSERT INTO "workspaces" ("id", "name", "created_at") VALUES ($1, $2, $3::timestamptz)`, [
      id,
      name,
      createdAt,
    ]);
  }

  async renameWorkspace(tx: Tx, id: string, name: string): Promise<void> {
    await tx.query(`UPDATE "workspaces" SET "name" = $2 WHERE "id" = $1`, [id, name]);
  }

  async usersByEmail(tx: Tx, emails: string[]): Promise<Map<string, string>> {
    const rows = (await tx.query(
      `SELECT "id", lower("email") AS "email" FROM "users" WHERE lower("email") = ANY($1)`,
      [emails.map((e) => e.toLowerCase())],
    )) as { id: string; email: string }[];
    return new Map(rows.map((r) => [r.email, r.id]));
  }

  async installationOwner(tx: Tx): Promise<string | null> {
    const rows = (await tx.query(`SELECT "owner_user_id" FROM "installation" WHERE "id" = 1`)) as {
      owner_user_id: string;
    }[];
    return rows[0]?.owner_user_id ?? null;
  }

  async addMember(
    tx: Tx,
    workspaceId: string,
    userId: string,
    role: Role,
    joinedAt: string | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "workspace_members" ("workspace_id", "user_id", "role", "joined_at")
       VALUES ($1, $2, $3, COALESCE($4::timestamptz, now()))
       ON CONFLICT ("workspace_id", "user_id") DO NOTHING`,
      [workspaceId, userId, role, joinedAt],
    );
  }

  /** Meeting join codes already used in this database (they are unique across workspaces). */
  async takenJoinCodes(tx: Tx, codes: string[]): Promise<Set<string>> {
    const rows = (await tx.query(`SELECT "join_code" FROM "meetings" WHERE "join_code" = ANY($1)`, [
      codes,
    ])) as {
      join_code: string;
    }[];
    return new Set(rows.map((r) => r.join_code));
  }

  async kofiWebhookKeyTaken(tx: Tx, key: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM "kofi_settings" WHERE "webhook_key" = $1`, [key]);
    return rows.length > 0;
  }

  /** Inserts the rows as they are (identity values kept); returns how many went in. */
  async insertRows(
    tx: Tx,
    table: string,
    columns: TableColumns,
    rows: Row[],
    deferred: readonly string[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const present = new Set(rows.flatMap((r) => Object.keys(r)));
    const names = columns.names.filter((c) => present.has(c));
    const list = names.map(quote).join(', ');
    const select = names.map((c) => (deferred.includes(c) ? 'NULL' : `r.${quote(c)}`)).join(', ');
    const overriding = columns.identity.some((c) => present.has(c)) ? 'OVERRIDING SYSTEM VALUE' : '';
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx.query(
        `INSERT INTO ${quote(table)} (${list}) ${overriding}
         SELECT ${select} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb) r`,
        [JSON.stringify(rows.slice(i, i + CHUNK))],
      );
    }
    return rows.length;
  }

  /** Sets a deferred reference once its targets exist (rows are matched by id). */
  async applyDeferred(tx: Tx, table: string, column: string, rows: Row[]): Promise<void> {
    const pending = rows.filter((r) => r[column] !== null && r[column] !== undefined);
    for (let i = 0; i < pending.length; i += CHUNK) {
      await tx.query(
        `UPDATE ${quote(table)} t SET ${quote(column)} = r.${quote(column)}
         FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb) r WHERE t."id" = r."id"`,
        [JSON.stringify(pending.slice(i, i + CHUNK))],
      );
    }
  }

  /** After inserting kept identity values, the identity sequence continues above the highest. */
  async bumpIdentity(tx: Tx, table: string, column: string): Promise<void> {
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${quote(column)}) FROM ${quote(table)}), 1))`,
      [quote(table), column],
    );
  }

  /** Paid cycles hold positions drawn from the ledger's sequence: it continues above them too. */
  async bumpLedgerAboveCycles(tx: Tx): Promise<void> {
    await tx.query(
      `SELECT setval("ledger", "top")
       FROM (SELECT pg_get_serial_sequence('"points_ledger"', 'seq')::regclass AS "ledger",
                    (SELECT max("seq") FROM "points_cycles") AS "top") AS "s"
       WHERE "top" > COALESCE(pg_sequence_last_value("ledger"), 0)`,
    );
  }

  async schedule(tx: Tx, workspaceId: string): Promise<ScheduleRow | null> {
    const rows = (await tx.query(`SELECT * FROM "backup_schedules" WHERE "workspace_id" = $1`, [
      workspaceId,
    ])) as ScheduleRow[];
    return rows[0] ?? null;
  }

  async saveSchedule(
    tx: Tx,
    workspaceId: string,
    values: { enabled: boolean; intervalHours: number; keep: number },
  ): Promise<ScheduleRow> {
    const rows = (await tx.query(
      `INSERT INTO "backup_schedules" ("workspace_id", "enabled", "interval_hours", "keep")
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ("workspace_id") DO UPDATE SET "enabled" = $2, "interval_hours" = $3, "keep" = $4,
         "updated_at" = now()
       RETURNING *`,
      [workspaceId, values.enabled, values.intervalHours, values.keep],
    )) as ScheduleRow[];
    const [row] = rows;
    if (!row) throw new Error('backup schedule upsert returned no row');
    return row;
  }

  /**
   * Claims the workspaces whose backup is due: their last_backup_at moves to `now` in the same
   * statement, so two sweeps never write the same backup twice.
   */
  async claimDue(tx: Tx, now: Date): Promise<ScheduleRow[]> {
    // Wrapped in a CTE: the driver answers a bare UPDATE with [rows, count], a SELECT with rows.
    return (await tx.query(
      `WITH claimed AS (
         UPDATE "backup_schedules" s SET "last_backup_at" = $1
         WHERE s."enabled"
           AND (s."last_backup_at" IS NULL OR s."last_backup_at" <= $1::timestamptz - make_interval(hours => s."interval_hours"))
         RETURNING s.*)
       SELECT * FROM claimed ORDER BY "workspace_id"`,
      [now],
    )) as ScheduleRow[];
  }

  async recordOutcome(tx: Tx, workspaceId: string, at: Date, error: string | null): Promise<void> {
    await tx.query(
      `INSERT INTO "backup_schedules" ("workspace_id", "last_backup_at", "last_error") VALUES ($1, $2, $3)
       ON CONFLICT ("workspace_id") DO UPDATE SET "last_backup_at" = $2, "last_error" = $3`,
      [workspaceId, at, error === null ? null : error.slice(0, 500)],
    );
  }
}
