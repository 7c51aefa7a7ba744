import { Injectable } from '@nestjs/common';
import type {
  WebhookAttemptTrigger,
  WebhookDeliveryEventType,
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  WebhookEventType,
  WebhookKind,
} from '@podium/contracts';
import type { Tx } from '../../database/transaction';

export interface SubscriptionRow {
  id: string;
  workspaceId: string;
  url: string;
  kind: WebhookKind;
  eventTypes: WebhookEventType[];
  description: string;
  /** Sealed (SecretBox). */
  secret: string;
  secretHint: string;
  enabled: boolean;
  disabledReason: WebhookDisabledReason | null;
  disabledAt: Date | null;
  consecutiveFailures: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryRow {
  id: string;
  workspaceId: string;
  subscriptionId: string;
  eventId: string;
  eventType: WebhookDeliveryEventType;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  autoAttempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface AttemptRow {
  id: string;
  deliveryId: string;
  number: number;
  trigger: WebhookAttemptTrigger;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string;
  at: Date;
}

export interface NewSubscription {
  workspaceId: string;
  url: string;
  kind: WebhookKind;
  eventTypes: WebhookEventType[];
  description: string;
  secret: string;
  secretHint: string;
  enabled: boolean;
}

export interface SubscriptionPatch {
  url?: string;
  eventTypes?: WebhookEventType[];
  description?: string;
  enabled?: boolean;
}

const SUBSCRIPTION_COLUMNS = `"id", "workspace_id" AS "workspaceId", "url", "kind", "event_types" AS "eventTypes",
  "description", "secret", "secret_hint" AS "secretHint", "enabled", "disabled_reason" AS "disabledReason",
  "disabled_at" AS "disabledAt", "consecutive_failures" AS "consecutiveFailures",
  "created_at" AS "createdAt", "updated_at" AS "updatedAt"`;

const DELIVERY_COLUMNS = `"id", "workspace_id" AS "workspaceId", "subscription_id" AS "subscriptionId",
  "event_id" AS "eventId", "event_type" AS "eventType", "body", "status", "attempts",
  "auto_attempts" AS "autoAttempts", "next_attempt_at" AS "nextAttemptAt",
  "last_status_code" AS "lastStatusCode", "created_at" AS "createdAt", "completed_at" AS "completedAt"`;

const ATTEMPT_COLUMNS = `"id", "delivery_id" AS "deliveryId", "number", "trigger", "ok", "status_code" AS "statusCode",
  "error", "duration_ms" AS "durationMs", "response_excerpt" AS "responseExcerpt", "at"`;

/** The only code that touches the webhook tables. */
@Injectable()
export class WebhooksRepository {
  /* ---------- subscriptions ---------- */

  async listSubscriptions(tx: Tx, workspaceId: string): Promise<SubscriptionRow[]> {
    return (await tx.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM "webhook_subscriptions" WHERE "workspace_id" = $1
        ORDER BY "created_at", "id"`,
      [workspaceId],
    )) as SubscriptionRow[];
  }

  async countSubscriptions(tx: Tx, workspaceId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS "count" FROM "webhook_subscriptions" WHERE "workspace_id" = $1`,
      [workspaceId],
    )) as { count: number }[];
    return row?.count ?? 0;
  }

  /** Enabled subscriptions of the workspace, whatever they listen to. */
  async listEnabled(tx: Tx, workspaceId: string): Promise<SubscriptionRow[]> {
    return (await tx.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM "webhook_subscriptions" WHERE "workspace_id" = $1 AND "enabled"`,
      [workspaceId],
    )) as SubscriptionRow[];
  }

  async findSubscription(tx: Tx, workspaceId: string, id: string): Promise<SubscriptionRow | null> {
    const [row] = (await tx.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM "webhook_subscriptions" WHERE "workspace_id" = $1 AND "id" = $2`,
      [workspaceId, id],
    )) as SubscriptionRow[];
    return row ?? null;
  }

  async insertSubscription(tx: Tx, s: NewSubscription): Promise<SubscriptionRow> {
    const [row] = (await tx.query(
      `INSERT INTO "webhook_subscriptions"
          ("workspace_id", "url", "kind", "event_types", "description", "secret", "secret_hint", "enabled",
           "disabled_reason", "disabled_at")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8::boolean, CASE WHEN $8 THEN NULL ELSE 'manual' END,
                CASE WHEN $8 THEN NULL ELSE now() END)
        RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [s.workspaceId, s.url, s.kind, s.eventTypes, s.description, s.secret, s.secretHint, s.enabled],
    )) as SubscriptionRow[];
    if (!row) throw new Error('webhook subscription insert returned nothing');
    return row;
  }

  /** Enabling clears the failure count and the reason; disabling by hand records `manual`. */
  async updateSubscription(
    tx: Tx,
    workspaceId: string,
    id: string,
    patch: SubscriptionPatch,
  ): Promise<SubscriptionRow | null> {
    const result = (await tx.query(
      `UPDATE "webhook_subscriptions" SET
          "url" = COALESCE($3::varchar, "url"),
          "event_types" = COALESCE($4::text[], "event_types"),
          "description" = COALESCE($5::varchar, "description"),
          "enabled" = COALESCE($6::boolean, "enabled"),
          "disabled_reason" = CASE WHEN $6::boolean IS NULL THEN "disabled_reason"
                                   WHEN $6 THEN NULL
                                   WHEN "enabled" THEN 'manual' ELSE "disabled_reason" END,
          "disabled_at" = CASE WHEN $6::boolean IS NULL THEN "disabled_at"
                               WHEN $6 THEN NULL
                               WHEN "enabled" THEN now() ELSE "disabled_at" END,
          "consecutive_failures" = CASE WHEN $6 IS TRUE THEN 0 ELSE "consecutive_failures" END,
          "updated_at" = now()
        WHERE "workspace_id" = $1 AND "id" = $2
        RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [
        workspaceId,
        id,
        patch.url ?? null,
        patch.eventTypes ?? null,
        patch.description ?? null,
        patch.enabled ?? null,
      ],
    )) as unknown;
    return normalizeUpdate<SubscriptionRow>(result);
  }

  async setSecret(
    tx: Tx,
    workspaceId: string,
    id: string,
    secret: string,
    hint: string,
  ): Promise<SubscriptionRow | null> {
    const result = (await tx.query(
      `UPDATE "webhook_subscriptions" SET "secret" = $3, "secret_hint" = $4, "updated_at" = now()
        WHERE "workspace_id" = $1 AND "id" = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [workspaceId, id, secret, hint],
    )) as unknown;
    return normalizeUpdate<SubscriptionRow>(result);
  }

  async deleteSubscription(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
    const result = (await tx.query(
      `DELETE FROM "webhook_subscriptions" WHERE "workspace_id" = $1 AND "id" = $2 RETURNING "id"`,
      [workspaceId, id],
    )) as unknown;
    return normalizeUpdate<{ id: string }>(result) !== null;
  }

  /** A delivery gave up: one more failure in a row; disabled (reason `failures`) at the limit. */
  async recordFailedDelivery(tx: Tx, id: string, disableAfter: number): Promise<SubscriptionRow | null> {
    const result = (await tx.query(
      `UPDATE "webhook_subscriptions" SET
          "consecutive_failures" = "consecutive_failures" + 1,
          "enabled" = CASE WHEN $2::int > 0 AND "consecutive_failures" + 1 >= $2 THEN false ELSE "enabled" END,
          "disabled_reason" = CASE WHEN "enabled" AND $2 > 0 AND "consecutive_failures" + 1 >= $2
                                   THEN 'failures' ELSE "disabled_reason" END,
          "disabled_at" = CASE WHEN "enabled" AND $2 > 0 AND "consecutive_failures" + 1 >= $2
                               THEN now() ELSE "disabled_at" END,
          "updated_at" = now()
        WHERE "id" = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id, disableAfter],
    )) as unknown;
    return normalizeUpdate<SubscriptionRow>(result);
  }

  async recordSucceededDelivery(tx: Tx, id: string): Promise<void> {
    await tx.query(
      `UPDATE "webhook_subscriptions" SET "consecutive_failures" = 0
        WHERE "id" = $1 AND "consecutive_failures" <> 0`,
      [id],
    );
  }

  /* ---------- deliveries ---------- */

  /** One delivery per (subscription, event id): null when it already exists (a redelivered event). */
  async insertDelivery(
    tx: Tx,
    d: { workspaceId: string; subscriptionId: string; eventId: string; eventType: string; body: string },
  ): Promise<DeliveryRow | null> {
    const [row] = (await tx.query(
      `INSERT INTO "webhook_deliveries" ("workspace_id", "subscription_id", "event_id", "event_type", "body", "next_attempt_at")
        VALUES ($1, $2, $3, $4, $5, now())
        ON CONFLICT ON CONSTRAINT "uq_webhook_deliveries_event" DO NOTHING
        RETURNING ${DELIVERY_COLUMNS}`,
      [d.workspaceId, d.subscriptionId, d.eventId, d.eventType, d.body],
    )) as DeliveryRow[];
    return row ?? null;
  }

  async findDelivery(tx: Tx, workspaceId: string, id: string): Promise<DeliveryRow | null> {
    const [row] = (await tx.query(
      `SELECT ${DELIVERY_COLUMNS} FROM "webhook_deliveries" WHERE "workspace_id" = $1 AND "id" = $2`,
      [workspaceId, id],
    )) as DeliveryRow[];
    return row ?? null;
  }

  async findDeliveryById(tx: Tx, id: string): Promise<DeliveryRow | null> {
    const [row] = (await tx.query(`SELECT ${DELIVERY_COLUMNS} FROM "webhook_deliveries" WHERE "id" = $1`, [
      id,
    ])) as DeliveryRow[];
    return row ?? null;
  }

  async listDeliveries(
    tx: Tx,
    workspaceId: string,
    query: { subscriptionId?: string; status?: WebhookDeliveryStatus; before?: string; limit: number },
  ): Promise<DeliveryRow[]> {
    return (await tx.query(
      `SELECT ${DELIVERY_COLUMNS} FROM "webhook_deliveries" d
        WHERE "workspace_id" = $1
          AND ($2::uuid IS NULL OR "subscription_id" = $2)
          AND ($3::varchar IS NULL OR "status" = $3)
          AND ($4::uuid IS NULL OR ("created_at", "id") < (
                SELECT "created_at", "id" FROM "webhook_deliveries" WHERE "id" = $4))
        ORDER BY "created_at" DESC, "id" DESC
        LIMIT $5`,
      [workspaceId, query.subscriptionId ?? null, query.status ?? null, query.before ?? null, query.limit],
    )) as DeliveryRow[];
  }

  /**
   * Takes attempt `number` of a pending delivery: only the one that moves `attempts` from
   * number - 1 sends, so a duplicated job or the sweep racing a retry send once.
   */
  async claimAttempt(
    tx: Tx,
    id: string,
    number: number,
    trigger: WebhookAttemptTrigger,
    leaseMs: number,
  ): Promise<DeliveryRow | null> {
    const result = (await tx.query(
      `UPDATE "webhook_deliveries" SET "attempts" = $2,
          "auto_attempts" = "auto_attempts" + CASE WHEN $3::varchar = 'auto' THEN 1 ELSE 0 END,
          "next_attempt_at" = now() + ($4::int * interval '1 millisecond')
        WHERE "id" = $1 AND "status" = 'pending' AND "attempts" = $2 - 1
        RETURNING ${DELIVERY_COLUMNS}`,
      [id, number, trigger, leaseMs],
    )) as unknown;
    return normalizeUpdate<DeliveryRow>(result);
  }

  async insertAttempt(tx: Tx, a: Omit<AttemptRow, 'id' | 'at'> & { workspaceId: string }): Promise<void> {
    await tx.query(
      `INSERT INTO "webhook_attempts" ("workspace_id", "delivery_id", "number", "trigger", "ok", "status_code",
          "error", "duration_ms", "response_excerpt")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.workspaceId,
        a.deliveryId,
        a.number,
        a.trigger,
        a.ok,
        a.statusCode,
        a.error,
        a.durationMs,
        a.responseExcerpt,
      ],
    );
  }

  /** After an attempt: succeeded, failed for good, or pending again until `retryInMs`. */
  async finishAttempt(
    tx: Tx,
    id: string,
    outcome: { status: WebhookDeliveryStatus; statusCode: number | null; retryInMs: number | null },
  ): Promise<DeliveryRow | null> {
    const result = (await tx.query(
      `UPDATE "webhook_deliveries" SET "status" = $2::varchar, "last_status_code" = $3::int,
          "next_attempt_at" = CASE WHEN $4::int IS NULL THEN NULL ELSE now() + ($4::int * interval '1 millisecond') END,
          "completed_at" = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
        WHERE "id" = $1 RETURNING ${DELIVERY_COLUMNS}`,
      [id, outcome.status, outcome.statusCode, outcome.retryInMs],
    )) as unknown;
    return normalizeUpdate<DeliveryRow>(result);
  }

  /** A replay by hand: a finished delivery becomes pending again (null if it still is). */
  async reopenForReplay(tx: Tx, workspaceId: string, id: string): Promise<DeliveryRow | null> {
    const result = (await tx.query(
      `UPDATE "webhook_deliveries" SET "status" = 'pending', "completed_at" = NULL, "next_attempt_at" = now()
        WHERE "workspace_id" = $1 AND "id" = $2 AND "status" <> 'pending'
        RETURNING ${DELIVERY_COLUMNS}`,
      [workspaceId, id],
    )) as unknown;
    return normalizeUpdate<DeliveryRow>(result);
  }

  /** Pending deliveries whose next attempt is overdue by `graceMs` (their job was lost). */
  async overdue(tx: Tx, graceMs: number, limit: number): Promise<DeliveryRow[]> {
    return (await tx.query(
      `SELECT ${DELIVERY_COLUMNS} FROM "webhook_deliveries"
        WHERE "status" = 'pending' AND "next_attempt_at" < now() - ($1::int * interval '1 millisecond')
        ORDER BY "next_attempt_at" LIMIT $2`,
      [graceMs, limit],
    )) as DeliveryRow[];
  }

  async attemptsOf(tx: Tx, deliveryIds: string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    return (await tx.query(
      `SELECT ${ATTEMPT_COLUMNS} FROM "webhook_attempts" WHERE "delivery_id" = ANY($1::uuid[])
        ORDER BY "delivery_id", "number"`,
      [deliveryIds],
    )) as AttemptRow[];
  }
}

/** TypeORM answers UPDATE/DELETE … RETURNING with [rows, count]; INSERT/SELECT with rows. */
function normalizeUpdate<T>(result: unknown): T | null {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0])) {
    return ((result[0] as T[])[0] ?? null) as T | null;
  }
  if (Array.isArray(result)) return ((result as T[])[0] ?? null) as T | null;
  return null;
}
