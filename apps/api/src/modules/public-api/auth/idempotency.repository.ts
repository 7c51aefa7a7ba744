import { Injectable } from '@nestjs/common';
import type { Tx } from '../../../database/transaction';

export interface IdempotencyRow {
  id: string;
  request_hash: string;
  status: 'pending' | 'completed';
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
}

@Injectable()
export class IdempotencyRepository {
  /** Claims a key for a request; null when the token already used it. */
  async claim(
    tx: Tx,
    claim: { workspaceId: string; tokenId: string; key: string; requestHash: string },
  ): Promise<string | null> {
    const [row] = (await tx.query(
      `INSERT INTO "api_idempotency_keys" ("workspace_id", "token_id", "key", "request_hash")
       VALUES ($1, $2, $3, $4) ON CONFLICT ("token_id", "key") DO NOTHING RETURNING "id"`,
      [claim.workspaceId, claim.tokenId, claim.key, claim.requestHash],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  async find(tx: Tx, tokenId: string, key: string): Promise<IdempotencyRow | null> {
    const [row] = (await tx.query(
      `SELECT "id", "request_hash", "status", "response_status", "response_body", "created_at"
       FROM "api_idempotency_keys" WHERE "token_id" = $1 AND "key" = $2`,
      [tokenId, key],
    )) as IdempotencyRow[];
    return row ?? null;
  }

  async complete(tx: Tx, id: string, status: number, body: unknown): Promise<void> {
    await tx.query(
      `UPDATE "api_idempotency_keys" SET "status" = 'completed', "response_status" = $2,
         "response_body" = $3::jsonb, "completed_at" = now() WHERE "id" = $1`,
      [id, status, body === undefined ? null : JSON.stringify(body)],
    );
  }

  /** Gives a key back when its request failed, so a retry runs it again. */
  async release(tx: Tx, id: string): Promise<void> {
    await tx.query(`DELETE FROM "api_idempotency_keys" WHERE "id" = $1 AND "status" = 'pending'`, [id]);
  }

  /**
   * Takes over a claim whose request never finished (its process died), so the key is not stuck.
   * True when this caller now holds it.
   */
  async reclaimStale(tx: Tx, id: string, olderThanSeconds: number): Promise<boolean> {
    const [, affected] = (await tx.query(
      `UPDATE "api_idempotency_keys" SET "created_at" = now()
       WHERE "id" = $1 AND "status" = 'pending' AND "created_at" < now() - make_interval(secs => $2)`,
      [id, olderThanSeconds],
    )) as [unknown, number];
    return affected > 0;
  }

  async purgeOlderThan(tx: Tx, hours: number): Promise<number> {
    const [, affected] = (await tx.query(
      `DELETE FROM "api_idempotency_keys" WHERE "created_at" < now() - make_interval(hours => $1)`,
      [hours],
    )) as [unknown, number];
    return affected;
  }
}
