import { Injectable } from '@nestjs/common';
import type { Platform } from '@podium/contracts';
import type { Tx } from '../../database/transaction';

export interface PanelLinkRow {
  id: string;
  workspace_id: string;
  viewer_id: string;
  platform: Platform;
  display_name: string;
  expires_at: Date;
  used_at: Date | null;
}

export interface PanelSessionRow {
  id: string;
  workspace_id: string;
  viewer_id: string;
  platform: Platform;
  display_name: string;
  expires_at: Date;
}

/** `panel_links` and `panel_sessions`: only token digests are stored. */
@Injectable()
export class PanelAuthRepository {
  async insertLink(
    tx: Tx,
    link: {
      workspaceId: string;
      viewerId: string;
      tokenHash: string;
      platform: Platform;
      displayName: string;
      expiresAt: Date;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "panel_links" ("workspace_id", "viewer_id", "token_hash", "platform", "display_name", "expires_at")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [link.workspaceId, link.viewerId, link.tokenHash, link.platform, link.displayName, link.expiresAt],
    );
  }

  /** Marks the link used if it is unused and unexpired: one conditional update, so one opener wins. */
  async claimLink(tx: Tx, tokenHash: string, now: Date): Promise<PanelLinkRow | null> {
    const rows = (await tx.query(
      `UPDATE "panel_links" SET "used_at" = $2
       WHERE "token_hash" = $1 AND "used_at" IS NULL AND "expires_at" > $2
       RETURNING *`,
      [tokenHash, now],
    )) as [PanelLinkRow[], number];
    return rows[0][0] ?? null;
  }

  async findLink(tx: Tx, tokenHash: string): Promise<PanelLinkRow | null> {
    const rows = (await tx.query(`SELECT * FROM "panel_links" WHERE "token_hash" = $1`, [
      tokenHash,
    ])) as PanelLinkRow[];
    return rows[0] ?? null;
  }

  async insertSession(
    tx: Tx,
    session: {
      workspaceId: string;
      viewerId: string;
      linkId: string;
      tokenHash: string;
      platform: Platform;
      displayName: string;
      userAgent: string | null;
      expiresAt: Date;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "panel_sessions" ("workspace_id", "viewer_id", "link_id", "token_hash", "platform",
         "display_name", "user_agent", "expires_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        session.workspaceId,
        session.viewerId,
        session.linkId,
        session.tokenHash,
        session.platform,
        session.displayName,
        session.userAgent,
        session.expiresAt,
      ],
    );
  }

  /** The live session behind a cookie: one indexed read per panel request. */
  async findSession(tx: Tx, tokenHash: string, now: Date): Promise<PanelSessionRow | null> {
    const rows = (await tx.query(
      `SELECT "id", "workspace_id", "viewer_id", "platform", "display_name", "expires_at" FROM "panel_sessions"
       WHERE "token_hash" = $1 AND "revoked_at" IS NULL AND "expires_at" > $2`,
      [tokenHash, now],
    )) as PanelSessionRow[];
    return rows[0] ?? null;
  }

  async revokeSession(tx: Tx, sessionId: string): Promise<void> {
    await tx.query(
      `UPDATE "panel_sessions" SET "revoked_at" = now() WHERE "id" = $1 AND "revoked_at" IS NULL`,
      [sessionId],
    );
  }

  /** Ends every session of the viewer (sign out everywhere, e.g. after a link was opened by someone else). */
  async revokeViewerSessions(tx: Tx, workspaceId: string, viewerId: string): Promise<number> {
    const result = (await tx.query(
      `UPDATE "panel_sessions" SET "revoked_at" = now()
       WHERE "workspace_id" = $1 AND "viewer_id" = $2 AND "revoked_at" IS NULL`,
      [workspaceId, viewerId],
    )) as [unknown[], number];
    return result[1];
  }

  /** Housekeeping: links and sessions past their end. */
  async purgeExpired(tx: Tx, now: Date): Promise<void> {
    await tx.query(`DELETE FROM "panel_sessions" WHERE "expires_at" < $1`, [now]);
    await tx.query(`DELETE FROM "panel_links" WHERE "expires_at" < $1::timestamptz - interval '1 day'`, [
      now,
    ]);
  }
}
