import type { Tx } from '../database/transaction';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The CLI's look-ups by what an operator types: a workspace or viewer by id or name. */
export class CliLookupRepository {
  /** Workspaces matching an id or a name (case-insensitive); every workspace when `key` is null. */
  async workspaces(tx: Tx, key: string | null): Promise<{ id: string; name: string }[]> {
    return (await tx.query(
      `SELECT "id", "name" FROM "workspaces"
       WHERE $1::text IS NULL OR ($2::uuid IS NOT NULL AND "id" = $2::uuid) OR lower("name") = lower($1)
       ORDER BY "created_at" LIMIT 20`,
      [key, key && UUID.test(key) ? key : null],
    )) as { id: string; name: string }[];
  }

  /** Viewers (merge targets) of the workspace matching an id, login or display name. */
  async viewers(
    tx: Tx,
    workspaceId: string,
    key: string,
  ): Promise<{ id: string; display_name: string; platform: string }[]> {
    return (await tx.query(
      `SELECT DISTINCT h."id", h."display_name", h."platform"
       FROM "viewers" v JOIN "viewers" h ON h."id" = COALESCE(v."merged_into_id", v."id")
       WHERE v."workspace_id" = $1
         AND (($3::uuid IS NOT NULL AND v."id" = $3::uuid) OR lower(v."login") = lower($2)
              OR lower(v."display_name") = lower($2))
       LIMIT 20`,
      [workspaceId, key, UUID.test(key) ? key : null],
    )) as { id: string; display_name: string; platform: string }[];
  }
}
