import { Injectable } from '@nestjs/common';
import type { KofiLinkSource, KofiPaymentStatus, KofiPaymentType, Platform } from '@podium/contracts';
import type { KofiPayment } from '@podium/chat';
import type { Tx } from '../../../database/transaction';

export interface KofiSettingsRow {
  id: string;
  workspaceId: string;
  /** Sealed (SecretBox); null until an owner saves one. */
  verificationToken: string | null;
  webhookKey: string;
  pointsPerUnit: number;
  updatedAt: Date;
}

export interface KofiLinkRow {
  id: string;
  workspaceId: string;
  email: string;
  viewerId: string;
  viewerPlatform: Platform;
  viewerName: string;
  linkedBy: KofiLinkSource;
  createdAt: Date;
}

export interface KofiPaymentRow {
  id: string;
  workspaceId: string;
  transactionId: string;
  type: KofiPaymentType;
  fromName: string;
  message: string | null;
  amount: string;
  currency: string;
  email: string | null;
  isSubscriptionPayment: boolean;
  isFirstSubscriptionPayment: boolean;
  tierName: string | null;
  points: number;
  status: KofiPaymentStatus;
  viewerId: string | null;
  viewerName: string | null;
  paidAt: Date;
  receivedAt: Date;
}

const SETTINGS_COLUMNS = `"id", "workspace_id" AS "workspaceId", "verification_token" AS "verificationToken",
  "webhook_key" AS "webhookKey", "points_per_unit" AS "pointsPerUnit", "updated_at" AS "updatedAt"`;

const LINK_SELECT = `SELECT l."id", l."workspace_id" AS "workspaceId", l."email", l."viewer_id" AS "viewerId",
    v."platform" AS "viewerPlatform", v."display_name" AS "viewerName", l."linked_by" AS "linkedBy",
    l."created_at" AS "createdAt"
  FROM "kofi_links" l JOIN "viewers" v ON v."id" = l."viewer_id"`;

const PAYMENT_SELECT = `SELECT p."id", p."workspace_id" AS "workspaceId", p."transaction_id" AS "transactionId",
    p."type", p."from_name" AS "fromName", p."message", p."amount", p."currency", p."email",
    p."is_subscription_payment" AS "isSubscriptionPayment",
    p."is_first_subscription_payment" AS "isFirstSubscriptionPayment", p."tier_name" AS "tierName",
    p."points"::float8 AS "points", p."status", p."viewer_id" AS "viewerId", v."display_name" AS "viewerName",
    p."paid_at" AS "paidAt", p."received_at" AS "receivedAt"
  FROM "kofi_payments" p LEFT JOIN "viewers" v ON v."id" = p."viewer_id"`;

/** The only code that touches Ko-fi's tables. */
@Injectable()
export class KofiRepository {
  async findSettings(tx: Tx, workspaceId: string): Promise<KofiSettingsRow | null> {
    const [row] = (await tx.query(
      `SELECT ${SETTINGS_COLUMNS} FROM "kofi_settings" WHERE "workspace_id" = $1`,
      [workspaceId],
    )) as KofiSettingsRow[];
    return row ?? null;
  }

  async findSettingsByKey(tx: Tx, webhookKey: string): Promise<KofiSettingsRow | null> {
    const [row] = (await tx.query(
      `SELECT ${SETTINGS_COLUMNS} FROM "kofi_settings" WHERE "webhook_key" = $1`,
      [webhookKey],
    )) as KofiSettingsRow[];
    return row ?? null;
  }

  /** Creates the workspace's settings row if it has none (a concurrent twin keeps the first). */
  async ensureSettings(
    tx: Tx,
    workspaceId: string,
    webhookKey: string,
    pointsPerUnit: number,
  ): Promise<KofiSettingsRow> {
    await tx.query(
      `INSERT INTO "kofi_settings" ("workspace_id", "webhook_key", "points_per_unit") VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT "uq_kofi_settings_workspace" DO NOTHING`,
      [workspaceId, webhookKey, pointsPerUnit],
    );
    const row = await this.findSettings(tx, workspaceId);
    if (!row) throw new Error('kofi settings row missing after insert');
    return row;
  }

  async updateSettings(
    tx: Tx,
    workspaceId: string,
    values: { verificationToken?: string; pointsPerUnit?: number; webhookKey?: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE "kofi_settings" SET
         "verification_token" = COALESCE($2, "verification_token"),
         "points_per_unit" = COALESCE($3, "points_per_unit"),
         "webhook_key" = COALESCE($4, "webhook_key"),
         "updated_at" = now()
       WHERE "workspace_id" = $1`,
      [
        workspaceId,
        values.verificationToken ?? null,
        values.pointsPerUnit ?? null,
        values.webhookKey ?? null,
      ],
    );
  }

  /**
   * Serializes the payment and the linking of one e-mail (held until commit): without it, a payment
   * and a link committing at the same moment could each miss the other and leave the credit pending.
   */
  async lockEmail(tx: Tx, workspaceId: string, email: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`kofi:${workspaceId}:${email}`]);
  }

  /** The id of the new payment row, or null when this transaction id was already recorded. */
  async insertPayment(
    tx: Tx,
    workspaceId: string,
    payment: KofiPayment,
    points: number,
    status: KofiPaymentStatus,
  ): Promise<string | null> {
    const [row] = (await tx.query(
      `INSERT INTO "kofi_payments" ("workspace_id", "transaction_id", "message_id", "type", "from_name", "message",
         "is_public", "amount", "currency", "email", "is_subscription_payment", "is_first_subscription_payment",
         "tier_name", "points", "status", "paid_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT ON CONSTRAINT "uq_kofi_payments_transaction" DO NOTHING
       RETURNING "id"`,
      [
        workspaceId,
        payment.transactionId,
        payment.messageId,
        payment.type,
        payment.fromName,
        payment.message,
        payment.isPublic,
        payment.amount,
        payment.currency,
        payment.email,
        payment.isSubscriptionPayment,
        payment.isFirstSubscriptionPayment,
        payment.tierName,
        points,
        status,
        payment.paidAt,
      ],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** Attributes a payment to a viewer; `credited` also stamps when its points were applied. */
  async attribute(tx: Tx, paymentId: string, viewerId: string, credited: boolean): Promise<void> {
    await tx.query(
      `UPDATE "kofi_payments" SET "viewer_id" = $2,
         "status" = CASE WHEN $3 THEN 'credited' ELSE "status" END,
         "credited_at" = CASE WHEN $3 THEN now() ELSE "credited_at" END
       WHERE "id" = $1`,
      [paymentId, viewerId, credited],
    );
  }

  /** Payments of this e-mail not yet attributed to anyone (pending ones, and ones worth no points). */
  async unattributedForEmail(
    tx: Tx,
    workspaceId: string,
    email: string,
  ): Promise<
    {
      id: string;
      transactionId: string;
      points: number;
      status: KofiPaymentStatus;
      type: string;
      amount: string;
      currency: string;
    }[]
  > {
    const rows = (await tx.query(
      `SELECT "id", "transaction_id" AS "transactionId", "points"::float8 AS "points", "status", "type", "amount",
         "currency"
       FROM "kofi_payments"
       WHERE "workspace_id" = $1 AND "email" = $2 AND ("status" = 'pending' OR "viewer_id" IS NULL)
       ORDER BY "received_at" FOR UPDATE`,
      [workspaceId, email],
    )) as {
      id: string;
      transactionId: string;
      points: number;
      status: KofiPaymentStatus;
      type: string;
      amount: string;
      currency: string;
    }[];
    return rows;
  }

  async findPayment(tx: Tx, id: string): Promise<KofiPaymentRow | null> {
    const [row] = (await tx.query(`${PAYMENT_SELECT} WHERE p."id" = $1`, [id])) as KofiPaymentRow[];
    return row ?? null;
  }

  async listPayments(
    tx: Tx,
    workspaceId: string,
    status: KofiPaymentStatus | undefined,
    limit: number,
  ): Promise<KofiPaymentRow[]> {
    return (await tx.query(
      `${PAYMENT_SELECT} WHERE p."workspace_id" = $1 AND ($2::varchar IS NULL OR p."status" = $2)
       ORDER BY p."received_at" DESC, p."id" DESC LIMIT $3`,
      [workspaceId, status ?? null, limit],
    )) as KofiPaymentRow[];
  }

  async findLinkByEmail(tx: Tx, workspaceId: string, email: string): Promise<KofiLinkRow | null> {
    const [row] = (await tx.query(`${LINK_SELECT} WHERE l."workspace_id" = $1 AND l."email" = $2`, [
      workspaceId,
      email,
    ])) as KofiLinkRow[];
    return row ?? null;
  }

  async findLink(tx: Tx, workspaceId: string, id: string): Promise<KofiLinkRow | null> {
    const [row] = (await tx.query(`${LINK_SELECT} WHERE l."workspace_id" = $1 AND l."id" = $2`, [
      workspaceId,
      id,
    ])) as KofiLinkRow[];
    return row ?? null;
  }

  async listLinks(tx: Tx, workspaceId: string): Promise<KofiLinkRow[]> {
    return (await tx.query(
      `${LINK_SELECT} WHERE l."workspace_id" = $1 ORDER BY l."created_at" DESC, l."id"`,
      [workspaceId],
    )) as KofiLinkRow[];
  }

  /** Links the e-mail to the viewer, or moves an existing link of it there; returns the link's id. */
  async upsertLink(
    tx: Tx,
    values: {
      workspaceId: string;
      email: string;
      viewerId: string;
      linkedBy: KofiLinkSource;
      actorUserId: string | null;
    },
  ): Promise<string> {
    const [row] = (await tx.query(
      `INSERT INTO "kofi_links" ("workspace_id", "email", "viewer_id", "linked_by", "actor_user_id")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT "uq_kofi_links_email" DO UPDATE SET
         "viewer_id" = EXCLUDED."viewer_id", "linked_by" = EXCLUDED."linked_by",
         "actor_user_id" = EXCLUDED."actor_user_id", "created_at" = now()
       RETURNING "id"`,
      [values.workspaceId, values.email, values.viewerId, values.linkedBy, values.actorUserId],
    )) as { id: string }[];
    if (!row) throw new Error('kofi link upsert returned nothing');
    return row.id;
  }

  async deleteLink(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
    const [, count] = (await tx.query(`DELETE FROM "kofi_links" WHERE "workspace_id" = $1 AND "id" = $2`, [
      workspaceId,
      id,
    ])) as [unknown, number];
    return count > 0;
  }

  /** The viewer holding this identity's balance (its merge target), or null if not in the workspace. */
  async resolveViewer(tx: Tx, workspaceId: string, viewerId: string): Promise<string | null> {
    const [row] = (await tx.query(
      `SELECT COALESCE("merged_into_id", "id") AS "id" FROM "viewers" WHERE "id" = $1 AND "workspace_id" = $2`,
      [viewerId, workspaceId],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /** Whether any of the viewer's identities (itself and those merged into it) has a linked e-mail. */
  async hasLink(tx: Tx, workspaceId: string, viewerId: string): Promise<boolean> {
    const [row] = (await tx.query(
      `SELECT EXISTS (
         SELECT 1 FROM "kofi_links" l JOIN "viewers" v ON v."id" = l."viewer_id"
         WHERE l."workspace_id" = $1 AND (v."id" = $2 OR v."merged_into_id" = $2)) AS "linked"`,
      [workspaceId, viewerId],
    )) as { linked: boolean }[];
    return row?.linked ?? false;
  }

  /**
   * Whether the viewer has paid through Ko-fi: a payment attributed to one of its identities, or
   * paid with an e-mail one of them linked.
   */
  async hasPaid(tx: Tx, workspaceId: string, viewerId: string): Promise<boolean> {
    const [row] = (await tx.query(
      `WITH "ids" AS (
         SELECT "id" FROM "viewers" WHERE "workspace_id" = $1 AND ("id" = $2 OR "merged_into_id" = $2))
       SELECT EXISTS (
         SELECT 1 FROM "kofi_payments" p
         WHERE p."workspace_id" = $1 AND (
           p."viewer_id" IN (SELECT "id" FROM "ids")
           OR p."email" IN (SELECT l."email" FROM "kofi_links" l
                            WHERE l."workspace_id" = $1 AND l."viewer_id" IN (SELECT "id" FROM "ids")))
       ) AS "paid"`,
      [workspaceId, viewerId],
    )) as { paid: boolean }[];
    return row?.paid ?? false;
  }
}
