import { Injectable } from '@nestjs/common';
import type { SpecialDeliveryDto, SpecialDeliveryStatus } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';
import { type UpdateResult, firstRow } from '../goals/goals.repository';

/** A try holds its delivery this long (well above the request timeout); after a crash it is tried again. */
const LEASE_SECONDS = 60;

export interface SpecialDeliveryRow {
  redemption_id: string;
  workspace_id: string;
  reward_id: string;
  url: string;
  status: SpecialDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** What the signed payload is made of, read at each try. */
export interface SpecialPayloadRow {
  redemption_id: string;
  workspace_id: string;
  reward_id: string;
  reward_name: string;
  config: { special?: { url?: string; secretSealed?: string | null } };
  spent: string;
  note: string | null;
  created_at: Date;
  viewer_id: string;
  display_name: string;
  platform: string | null;
  login: string | null;
}

@Injectable()
export class SpecialDeliveriesRepository {
  async insert(
    tx: Tx,
    row: { redemptionId: string; workspaceId: string; rewardId: string; url: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "special_deliveries" ("redemption_id", "workspace_id", "reward_id", "url", "next_attempt_at")
       VALUES ($1, $2, $3, $4, now())`,
      [row.redemptionId, row.workspaceId, row.rewardId, row.url],
    );
  }

  /** Takes the next try of a due, pending delivery (attempts + 1, leased); null when not due or done. */
  async claim(tx: Tx, redemptionId: string): Promise<SpecialDeliveryRow | null> {
    const rows = (await tx.query(
      `UPDATE "special_deliveries"
          SET "attempts" = "attempts" + 1,
              "next_attempt_at" = now() + make_interval(secs => $2),
              "updated_at" = now()
        WHERE "redemption_id" = $1 AND "status" = 'pending' AND "next_attempt_at" <= now()
        RETURNING *`,
      [redemptionId, LEASE_SECONDS],
    )) as UpdateResult<SpecialDeliveryRow>;
    return firstRow(rows);
  }

  async payload(tx: Tx, redemptionId: string): Promise<SpecialPayloadRow | null> {
    const rows = (await tx.query(
      `SELECT d."redemption_id", d."workspace_id", d."reward_id", w."name" AS "reward_name", w."config",
              r."spent", r."note", r."created_at", v."id" AS "viewer_id", v."display_name", v."platform", v."login"
         FROM "special_deliveries" d
         JOIN "redemptions" r ON r."id" = d."redemption_id"
         JOIN "rewards" w ON w."id" = d."reward_id"
         JOIN "viewers" v ON v."id" = r."viewer_id"
        WHERE d."redemption_id" = $1`,
      [redemptionId],
    )) as SpecialPayloadRow[];
    return rows[0] ?? null;
  }

  /** Records a try's outcome (only by the try that holds the claim: same attempt number). */
  async record(
    tx: Tx,
    redemptionId: string,
    attempt: number,
    outcome: {
      status: SpecialDeliveryStatus;
      statusCode: number | null;
      error: string | null;
      retryInMs: number | null;
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE "special_deliveries"
          SET "status" = $3::varchar, "last_status_code" = $4::int, "last_error" = $5::varchar,
              "next_attempt_at" = CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(secs => $6::int / 1000.0) END,
              "delivered_at" = CASE WHEN $3::varchar = 'delivered' THEN now() ELSE NULL END,
              "updated_at" = now()
        WHERE "redemption_id" = $1 AND "attempts" = $2 AND "status" = 'pending'`,
      [redemptionId, attempt, outcome.status, outcome.statusCode, outcome.error, outcome.retryInMs],
    );
  }

  /** Pending deliveries overdue by `graceSeconds` (their job was lost): id and attempts so far. */
  async overdue(
    tx: Tx,
    graceSeconds: number,
    limit: number,
  ): Promise<{ redemption_id: string; attempts: number }[]> {
    return (await tx.query(
      `SELECT "redemption_id", "attempts" FROM "special_deliveries"
        WHERE "status" = 'pending' AND "next_attempt_at" <= now() - make_interval(secs => $1)
        ORDER BY "next_attempt_at" LIMIT $2`,
      [graceSeconds, limit],
    )) as { redemption_id: string; attempts: number }[];
  }

  async list(
    tx: Tx,
    workspaceId: string,
    rewardId: string | undefined,
    limit: number,
  ): Promise<SpecialDeliveryDto[]> {
    const rows = (await tx.query(
      `SELECT * FROM "special_deliveries"
        WHERE "workspace_id" = $1 AND ($2::uuid IS NULL OR "reward_id" = $2)
        ORDER BY "created_at" DESC LIMIT $3`,
      [workspaceId, rewardId ?? null, limit],
    )) as SpecialDeliveryRow[];
    return rows.map(toSpecialDeliveryDto);
  }

  async one(tx: Tx, workspaceId: string, redemptionId: string): Promise<SpecialDeliveryDto | null> {
    const rows = (await tx.query(
      `SELECT * FROM "special_deliveries" WHERE "workspace_id" = $1 AND "redemption_id" = $2`,
      [workspaceId, redemptionId],
    )) as SpecialDeliveryRow[];
    return rows[0] ? toSpecialDeliveryDto(rows[0]) : null;
  }
}

export function toSpecialDeliveryDto(row: SpecialDeliveryRow): SpecialDeliveryDto {
  return {
    redemptionId: row.redemption_id,
    rewardId: row.reward_id,
    url: row.url,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
