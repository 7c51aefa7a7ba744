import { Injectable } from '@nestjs/common';
import type { ApiScope } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

export interface ApiTokenRow {
  id: string;
  workspace_id: string;
  name: string;
  scopes: ApiScope[];
  prefix: string;
  created_by: string | null;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = `"id", "workspace_id", "name", "scopes", "prefix", "created_by", "created_at", "expires_at",
  "last_used_at", "revoked_at"`;

@Injectable()
export class ApiTokensRepository {
  async insert(
    tx: Tx,
    token: {
      workspaceId: string;
      name: string;
      scopes: ApiScope[];
      tokenHash: string;
      prefix: string;
      createdBy: string;
      expiresAt: Date | null;
    },
  ): Promise<ApiTokenRow> {
    const [row] = (await tx.query(
      `INSERT INTO "api_tokens" ("workspace_id", "name", "scopes", "token_hash", "prefix", "created_by", "expires_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        token.workspaceId,
        token.name,
        token.scopes,
        token.tokenHash,
        token.prefix,
        token.createdBy,
        token.expiresAt,
      ],
    )) as ApiTokenRow[];
    if (!row) throw new Error('api token insert returned nothing');
    return row;
  }

  list(tx: Tx, workspaceId: string): Promise<ApiTokenRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM "api_tokens" WHERE "workspace_id" = $1 ORDER BY "created_at" DESC, "id"`,
      [workspaceId],
    ) as Promise<ApiTokenRow[]>;
  }

  /** Revokes an active token; the row, or null when there was no such active token. */
  async revoke(tx: Tx, workspaceId: string, id: string): Promise<ApiTokenRow | null> {
    const [rows] = (await tx.query(
      `UPDATE "api_tokens" SET "revoked_at" = now()
       WHERE "workspace_id" = $1 AND "id" = $2 AND "revoked_at" IS NULL RETURNING ${COLUMNS}`,
      [workspaceId, id],
    )) as [ApiTokenRow[], number];
    return rows?.[0] ?? null;
  }

  /** The token with this hash if it is neither revoked nor expired. */
  async findUsable(tx: Tx, tokenHash: string): Promise<ApiTokenRow | null> {
    const [row] = (await tx.query(
      `SELECT ${COLUMNS} FROM "api_tokens" WHERE "token_hash" = $1 AND "revoked_at" IS NULL
         AND ("expires_at" IS NULL OR "expires_at" > now())`,
      [tokenHash],
    )) as ApiTokenRow[];
    return row ?? null;
  }

  /** Stamps the last use, at most once a minute per token (a busy token is not a write per call). */
  async touch(tx: Tx, id: string): Promise<void> {
    await tx.query(
      `UPDATE "api_tokens" SET "last_used_at" = now()
       WHERE "id" = $1 AND ("last_used_at" IS NULL OR "last_used_at" < now() - interval '1 minute')`,
      [id],
    );
  }
}
