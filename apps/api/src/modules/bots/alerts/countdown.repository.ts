import { Injectable } from '@nestjs/common';
import type { TimerDto } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

export interface CountdownRow {
  id: string;
  workspaceId: string;
  startedAt: Date;
  endsAt: Date;
}

interface RawCountdownRow {
  id: string;
  workspace_id: string;
  started_at: Date;
  ends_at: Date;
}

function toRow(raw: RawCountdownRow): CountdownRow {
  return {
    id: raw.id,
    workspaceId: raw.workspace_id,
    startedAt: new Date(raw.started_at),
    endsAt: new Date(raw.ends_at),
  };
}

export function toTimerDto(row: CountdownRow): TimerDto {
  return { id: row.id, startedAt: row.startedAt.toISOString(), endsAt: row.endsAt.toISOString() };
}

/** The `!timer` countdown: at most one per workspace. */
@Injectable()
export class CountdownRepository {
  /** Replaces the workspace's countdown (a new `!timer` restarts it under a new id). */
  async replace(tx: Tx, workspaceId: string, startedAt: Date, endsAt: Date): Promise<CountdownRow> {
    const rows = (await tx.query(
      `INSERT INTO "bot_countdowns" ("workspace_id", "started_at", "ends_at") VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT "uq_bot_countdowns_workspace"
       DO UPDATE SET "id" = gen_random_uuid(), "started_at" = EXCLUDED."started_at", "ends_at" = EXCLUDED."ends_at"
       RETURNING "id", "workspace_id", "started_at", "ends_at"`,
      [workspaceId, startedAt, endsAt],
    )) as RawCountdownRow[];
    const [row] = rows;
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toRow(row);
  }

  async current(tx: Tx, workspaceId: string): Promise<CountdownRow | null> {
    const rows = (await tx.query(
      `SELECT "id", "workspace_id", "started_at", "ends_at" FROM "bot_countdowns" WHERE "workspace_id" = $1`,
      [workspaceId],
    )) as RawCountdownRow[];
    return rows[0] ? toRow(rows[0]) : null;
  }

  async all(tx: Tx): Promise<CountdownRow[]> {
    const rows = (await tx.query(
      `SELECT "id", "workspace_id", "started_at", "ends_at" FROM "bot_countdowns"`,
    )) as RawCountdownRow[];
    return rows.map(toRow);
  }

  async stop(tx: Tx, workspaceId: string): Promise<boolean> {
    const [rows] = (await tx.query(`DELETE FROM "bot_countdowns" WHERE "workspace_id" = $1 RETURNING "id"`, [
      workspaceId,
    ])) as [unknown[], number];
    return rows.length > 0;
  }

  /** Takes the countdown `id` once it is due: the one run that gets it rings the alarm. */
  async takeDue(tx: Tx, id: string, now: Date): Promise<CountdownRow | null> {
    const [rows] = (await tx.query(
      `DELETE FROM "bot_countdowns" WHERE "id" = $1 AND "ends_at" <= $2
       RETURNING "id", "workspace_id", "started_at", "ends_at"`,
      [id, now],
    )) as [RawCountdownRow[], number];
    return rows[0] ? toRow(rows[0]) : null;
  }
}
