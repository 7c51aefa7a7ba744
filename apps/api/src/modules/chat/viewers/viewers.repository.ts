import { Injectable } from '@nestjs/common';
import type { ChatViewerIdentity, ViewerDto, ViewerRole } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

interface ViewerRow {
  id: string;
  workspace_id: string;
  platform: ViewerDto['platform'];
  platform_user_id: string;
  login: string | null;
  display_name: string;
  roles: ViewerRole[];
  merged_into_id: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
}

/** One event's viewer, as the pipeline records it. */
export interface ViewerSighting {
  workspaceId: string;
  viewer: ChatViewerIdentity;
  seenAt: Date;
  /** Chat messages carry the viewer's current roles; follows and the like do not. */
  carriesRoles: boolean;
}

const sightingKey = (workspaceId: string, platform: string, platformUserId: string) =>
  `${workspaceId}\u0000${platform}\u0000${platformUserId}`;

/** What a viewer upsert returns per identity: the id that holds its history (the merge target). */
interface SeenViewerRow {
  workspace_id: string;
  platform: string;
  platform_user_id: string;
  holder_id: string;
}

/**
 * An upsert of viewers as statement text (`param` adds a value and gives its placeholder), so that
 * another statement can run it as a CTE; returns SeenViewerRow columns.
 */
export type ViewerUpsert = (param: (value: unknown) => string) => string;

/**
 * The sightings of a batch of events, upserted as `ViewersRepository.upsert` would, in as few
 * statements as possible: the first sighting of each identity by one upsert per kind (with roles
 * or without), in a stable order so concurrent batches lock rows alike; a second sighting of the
 * same identity (a statement cannot update a row twice) is a repeat, to upsert afterwards alone.
 */
export function planSightings(sightings: readonly ViewerSighting[]): {
  upserts: ViewerUpsert[];
  repeats: ViewerSighting[];
} {
  const first = new Map<string, ViewerSighting>();
  const repeats: ViewerSighting[] = [];
  for (const sighting of sightings) {
    const key = sightingKey(sighting.workspaceId, sighting.viewer.platform, sighting.viewer.platformUserId);
    if (first.has(key)) repeats.push(sighting);
    else first.set(key, sighting);
  }
  const ordered = [...first.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
  const upserts = [true, false].flatMap((carriesRoles) => {
    const group = ordered.filter((sighting) => sighting.carriesRoles === carriesRoles);
    return group.length > 0 ? [sightingsUpsert(group, carriesRoles)] : [];
  });
  return { upserts, repeats };
}

/** Distinct identities in one statement; `EXCLUDED."last_seen_at"` is each row's own sighting time. */
function sightingsUpsert(sightings: readonly ViewerSighting[], carriesRoles: boolean): ViewerUpsert {
  return (p) => {
    const roles = p(carriesRoles);
    const values = sightings.map(({ workspaceId, viewer, seenAt }) => {
      const seen = p(seenAt);
      return `(${p(workspaceId)}::uuid, ${p(viewer.platform)}, ${p(viewer.platformUserId)}, ${p(viewer.login ?? null)},
        ${p(viewer.displayName.slice(0, 200))}, ${p(viewer.roles)}::text[], ${seen}::timestamptz, ${seen}::timestamptz)`;
    });
    return `INSERT INTO "viewers" ("workspace_id", "platform", "platform_user_id", "login", "display_name", "roles",
         "first_seen_at", "last_seen_at")
       VALUES ${values.join(', ')}
       ON CONFLICT ("workspace_id", "platform", "platform_user_id") DO UPDATE SET
         "display_name" = CASE WHEN EXCLUDED."last_seen_at" >= "viewers"."last_seen_at"
                          THEN EXCLUDED."display_name" ELSE "viewers"."display_name" END,
         "login" = COALESCE(EXCLUDED."login", "viewers"."login"),
         "roles" = CASE WHEN ${roles}::boolean AND EXCLUDED."last_seen_at" >= "viewers"."last_seen_at"
                   THEN EXCLUDED."roles" ELSE "viewers"."roles" END,
         "last_seen_at" = GREATEST("viewers"."last_seen_at", EXCLUDED."last_seen_at")
       RETURNING "workspace_id", "platform", "platform_user_id", COALESCE("merged_into_id", "id") AS "holder_id"`;
  };
}

/** Viewers are written by the pipeline in its transaction, so every method takes the `tx`. */
@Injectable()
export class ViewersRepository {
  /**
   * One row per platform identity. A newer sighting keeps the display name current (renames) and,
   * when it carries roles (chat messages do, follows do not), the roles too. Returns the id that
   * holds the viewer's history: the merge target when this identity was merged.
   */
  async upsert(
    tx: Tx,
    workspaceId: string,
    viewer: ChatViewerIdentity,
    seenAt: Date,
    carriesRoles: boolean,
  ): Promise<string> {
    const holders = await this.upsertFirstSightings(
      tx,
      [{ workspaceId, viewer, seenAt, carriesRoles }],
      carriesRoles,
    );
    const holder = holders.get(sightingKey(workspaceId, viewer.platform, viewer.platformUserId));
    if (!holder) throw new Error('viewer upsert returned no row');
    return holder;
  }

  /** One statement for distinct identities (see sightingsUpsert). */
  private async upsertFirstSightings(
    tx: Tx,
    sightings: readonly ViewerSighting[],
    carriesRoles: boolean,
  ): Promise<Map<string, string>> {
    const params: unknown[] = [];
    const text = sightingsUpsert(sightings, carriesRoles)((value) => `$${params.push(value)}`);
    const rows = (await tx.query(text, params)) as SeenViewerRow[];
    return new Map(
      rows.map((row) => [sightingKey(row.workspace_id, row.platform, row.platform_user_id), row.holder_id]),
    );
  }

  /**
   * Many identities of one sighting (a platform's viewer list) in one statement: new ones created,
   * known ones marked seen (names kept current, roles untouched). Returns the holders' ids (merge
   * targets), de-duplicated.
   */
  async upsertMany(
    tx: Tx,
    workspaceId: string,
    viewers: readonly ChatViewerIdentity[],
    seenAt: Date,
  ): Promise<string[]> {
    const unique = new Map(
      viewers.map((viewer) => [`${viewer.platform}\u0000${viewer.platformUserId}`, viewer]),
    );
    if (unique.size === 0) return [];
    const list = [...unique.values()];
    const rows = (await tx.query(
      `INSERT INTO "viewers" ("workspace_id", "platform", "platform_user_id", "login", "display_name",
         "first_seen_at", "last_seen_at")
       SELECT $1, p, u, l, d, $6, $6
       FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[]) AS t(p, u, l, d)
       ON CONFLICT ("workspace_id", "platform", "platform_user_id") DO UPDATE SET
         "display_name" = CASE WHEN $6 >= "viewers"."last_seen_at" THEN EXCLUDED."display_name" ELSE "viewers"."display_name" END,
         "login" = COALESCE(EXCLUDED."login", "viewers"."login"),
         "last_seen_at" = GREATEST("viewers"."last_seen_at", $6)
       RETURNING COALESCE("merged_into_id", "id") AS "holder_id"`,
      [
        workspaceId,
        list.map((viewer) => viewer.platform),
        list.map((viewer) => viewer.platformUserId),
        list.map((viewer) => viewer.login ?? null),
        list.map((viewer) => viewer.displayName.slice(0, 200)),
        seenAt,
      ],
    )) as { holder_id: string }[];
    return [...new Set(rows.map((row) => row.holder_id))];
  }

  async findById(tx: Tx, id: string): Promise<ViewerDto | null> {
    const rows = (await tx.query(`SELECT * FROM "viewers" WHERE "id" = $1`, [id])) as ViewerRow[];
    return rows[0] ? toDto(rows[0]) : null;
  }

  async lockPair(tx: Tx, workspaceId: string, ids: [string, string]): Promise<ViewerDto[]> {
    const rows = (await tx.query(
      `SELECT * FROM "viewers" WHERE "workspace_id" = $1 AND "id" = ANY($2::uuid[]) ORDER BY "id" FOR UPDATE`,
      [workspaceId, ids],
    )) as ViewerRow[];
    return rows.map(toDto);
  }

  async search(tx: Tx, workspaceId: string, query: string, limit: number): Promise<ViewerDto[]> {
    const rows = (await tx.query(
      `SELECT * FROM "viewers" WHERE "workspace_id" = $1
         AND ($2 = '' OR lower("display_name") LIKE $3 OR lower(coalesce("login", '')) LIKE $3)
       ORDER BY "last_seen_at" DESC LIMIT $4`,
      [workspaceId, query, `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit],
    )) as ViewerRow[];
    return rows.map(toDto);
  }

  /**
   * Links `source` (and anything merged into it) to `target` and moves their history: events now
   * belong to the target. Other modules that key rows by viewer (points) follow `viewer.merged`.
   */
  async merge(tx: Tx, sourceId: string, targetId: string): Promise<void> {
    await tx.query(`UPDATE "viewers" SET "merged_into_id" = $2 WHERE "id" = $1 OR "merged_into_id" = $1`, [
      sourceId,
      targetId,
    ]);
    await tx.query(`UPDATE "chat_events" SET "viewer_id" = $2 WHERE "viewer_id" = $1`, [sourceId, targetId]);
  }
}

function toDto(row: ViewerRow): ViewerDto {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    platform: row.platform,
    platformUserId: row.platform_user_id,
    login: row.login,
    displayName: row.display_name,
    roles: row.roles,
    mergedIntoId: row.merged_into_id,
    firstSeenAt: new Date(row.first_seen_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
  };
}
