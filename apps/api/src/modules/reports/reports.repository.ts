import { Injectable } from '@nestjs/common';
import type { ReportDto, ReportKind, ReportSummaryDto, ReportViewerSampleDto } from '@podium/contracts';
import type { Tx } from '../../database/transaction';

/** A stored report row; `data` is the report DTO as computed (without id and computedAt). */
export interface ReportRow {
  id: string;
  workspace_id: string;
  kind: ReportKind;
  source_key: string;
  title: string;
  connection_id: string | null;
  meeting_id: string | null;
  started_at: Date;
  ended_at: Date;
  headline: number;
  data: ReportData;
  computed_at: Date;
}

/** What a report stores: the DTO less the row's own id and computation time. */
export type ReportData = DistributiveOmit<ReportDto, 'id' | 'computedAt'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface NewReport {
  workspaceId: string;
  kind: ReportKind;
  sourceKey: string;
  title: string;
  connectionId: string | null;
  meetingId: string | null;
  startedAt: Date;
  endedAt: Date;
  headline: number;
  data: ReportData;
}

export interface LiveStreamRow {
  connection_id: string;
  workspace_id: string;
  online_event_id: string;
  started_at: Date;
}

/** The only code that touches the reports tables. */
@Injectable()
export class ReportsRepository {
  /** Stores a report, or rewrites the one of the same source (a retried event, a recompute). */
  async upsert(tx: Tx, report: NewReport): Promise<ReportRow> {
    const rows = (await tx.query(
      `INSERT INTO "reports" ("workspace_id", "kind", "source_key", "title", "connection_id", "meeting_id",
         "started_at", "ended_at", "headline", "data", "computed_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, now())
       ON CONFLICT ("workspace_id", "source_key") DO UPDATE SET
         "title" = EXCLUDED."title", "started_at" = EXCLUDED."started_at", "ended_at" = EXCLUDED."ended_at",
         "headline" = EXCLUDED."headline", "data" = EXCLUDED."data", "computed_at" = now()
       RETURNING *`,
      [
        report.workspaceId,
        report.kind,
        report.sourceKey,
        report.title.slice(0, 300),
        report.connectionId,
        report.meetingId,
        report.startedAt,
        report.endedAt,
        report.headline,
        JSON.stringify(report.data),
      ],
    )) as ReportRow[];
    const row = rows[0];
    if (!row) throw new Error('upsert returned no row');
    return row;
  }

  async find(tx: Tx, workspaceId: string, id: string): Promise<ReportRow | null> {
    const rows = (await tx.query(`SELECT * FROM "reports" WHERE "workspace_id" = $1 AND "id" = $2`, [
      workspaceId,
      id,
    ])) as ReportRow[];
    return rows[0] ?? null;
  }

  /** Newest first by end; `before` pages back from a report (rows one past the limit tell there is more). */
  async page(
    tx: Tx,
    workspaceId: string,
    query: { kind?: ReportKind; before?: string; limit: number },
  ): Promise<ReportRow[]> {
    return (await tx.query(
      `SELECT * FROM "reports" r
       WHERE r."workspace_id" = $1 AND ($2::varchar IS NULL OR r."kind" = $2)
         AND ($3::uuid IS NULL OR (r."ended_at", r."id") < (
           SELECT b."ended_at", b."id" FROM "reports" b WHERE b."id" = $3 AND b."workspace_id" = $1))
       ORDER BY r."ended_at" DESC, r."id" DESC LIMIT $4`,
      [workspaceId, query.kind ?? null, query.before ?? null, query.limit + 1],
    )) as ReportRow[];
  }

  async markLive(
    tx: Tx,
    stream: { connectionId: string; workspaceId: string; onlineEventId: string; startedAt: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "report_live_streams" ("connection_id", "workspace_id", "online_event_id", "started_at")
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ("connection_id") DO UPDATE SET "online_event_id" = EXCLUDED."online_event_id",
         "started_at" = EXCLUDED."started_at"`,
      [stream.connectionId, stream.workspaceId, stream.onlineEventId, stream.startedAt],
    );
  }

  /** Forgets a live stream, unless a newer stream_online took its place already. */
  async markEnded(tx: Tx, connectionId: string, endedAt: Date): Promise<void> {
    await tx.query(`DELETE FROM "report_live_streams" WHERE "connection_id" = $1 AND "started_at" <= $2`, [
      connectionId,
      endedAt,
    ]);
  }

  async liveStreams(tx: Tx): Promise<LiveStreamRow[]> {
    return (await tx.query(`SELECT * FROM "report_live_streams" ORDER BY "started_at"`)) as LiveStreamRow[];
  }

  /** One sample per connection and time: a second replica sampling the same period adds nothing. */
  async addSample(
    tx: Tx,
    sample: { workspaceId: string; connectionId: string; sampledAt: Date; viewers: number },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "report_viewer_samples" ("workspace_id", "connection_id", "sampled_at", "viewers")
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [sample.workspaceId, sample.connectionId, sample.sampledAt, sample.viewers],
    );
  }

  async samples(tx: Tx, connectionId: string, from: Date, to: Date): Promise<ReportViewerSampleDto[]> {
    const rows = (await tx.query(
      `SELECT "sampled_at", "viewers" FROM "report_viewer_samples"
       WHERE "connection_id" = $1 AND "sampled_at" >= $2 AND "sampled_at" <= $3 ORDER BY "sampled_at"`,
      [connectionId, from, to],
    )) as { sampled_at: Date; viewers: number }[];
    return rows.map((row) => ({ at: row.sampled_at.toISOString(), viewers: row.viewers }));
  }
}

export function toReportDto(row: ReportRow): ReportDto {
  return { ...row.data, id: row.id, computedAt: row.computed_at.toISOString() } as ReportDto;
}

export function toReportSummaryDto(row: ReportRow): ReportSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    platform: row.data.kind === 'stream' ? row.data.platform : null,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at.toISOString(),
    durationSeconds: row.data.durationSeconds,
    computedAt: row.computed_at.toISOString(),
    headline: row.headline,
  };
}
