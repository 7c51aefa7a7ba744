import { Injectable } from '@nestjs/common';
import type { ReportDto, ReportListDto, ReportListQuerySchema } from '@podium/contracts';
import { reportCsv } from '@podium/points';
import type { z } from 'zod';
import { TransactionRunner } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { ReportBuilder } from './report-builder.service';
import { ReportsErrorCode, ReportsException } from './reports.exception';
import { type ReportRow, ReportsRepository, toReportDto, toReportSummaryDto } from './reports.repository';

/** A file to download: its name, media type and content. */
export interface ReportFile {
  filename: string;
  contentType: string;
  body: string;
}

/**
 * Reading stored reports (list, one, CSV/JSON download) and recomputing one. The `…Of` methods skip
 * the organizer access check: the public API calls them after its token scope check.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly reports: ReportsRepository,
    private readonly builder: ReportBuilder,
    private readonly access: WorkspaceAccess,
  ) {}

  async list(
    actor: Actor,
    workspaceId: string,
    query: z.output<typeof ReportListQuerySchema>,
  ): Promise<ReportListDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.listOf(workspaceId, query);
  }

  async listOf(workspaceId: string, query: z.output<typeof ReportListQuerySchema>): Promise<ReportListDto> {
    const rows = await this.reports.page(this.tx.none, workspaceId, query);
    const page = rows.slice(0, query.limit);
    return {
      reports: page.map(toReportSummaryDto),
      nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  async get(actor: Actor, workspaceId: string, reportId: string): Promise<ReportDto> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.getOf(workspaceId, reportId);
  }

  async getOf(workspaceId: string, reportId: string): Promise<ReportDto> {
    return toReportDto(await this.requireRow(workspaceId, reportId));
  }

  async export(
    actor: Actor,
    workspaceId: string,
    reportId: string,
    format: 'csv' | 'json',
  ): Promise<ReportFile> {
    await this.access.require(actor, workspaceId, 'viewer');
    return this.exportOf(workspaceId, reportId, format);
  }

  async exportOf(workspaceId: string, reportId: string, format: 'csv' | 'json'): Promise<ReportFile> {
    const report = await this.getOf(workspaceId, reportId);
    const day = report.startedAt.slice(0, 10);
    const filename = `podium-${report.kind}-report-${day}-${report.id.slice(0, 8)}.${format}`;
    return format === 'csv'
      ? { filename, contentType: 'text/csv; charset=utf-8', body: reportCsv(report) }
      : { filename, contentType: 'application/json; charset=utf-8', body: JSON.stringify(report, null, 2) };
  }

  /** Computes a report again from what is recorded now (late events, a fixed bug). Moderators. */
  async recompute(actor: Actor, workspaceId: string, reportId: string): Promise<ReportDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const row = await this.requireRow(workspaceId, reportId);
    const rebuilt = await this.rebuild(row);
    if (!rebuilt) {
      throw new ReportsException(
        ReportsErrorCode.SourceGone,
        'What this report was of is gone (the connection or meeting was removed, or the meeting was reset)',
      );
    }
    return toReportDto(rebuilt);
  }

  private rebuild(row: ReportRow): Promise<ReportRow | null> {
    if (row.kind === 'meeting') {
      return row.meeting_id
        ? this.builder.buildMeeting(row.workspace_id, row.meeting_id)
        : Promise.resolve(null);
    }
    const offlineEventId = row.source_key.slice('stream:'.length);
    return row.connection_id
      ? this.builder.buildStream(row.workspace_id, row.connection_id, offlineEventId)
      : Promise.resolve(null);
  }

  private async requireRow(workspaceId: string, reportId: string): Promise<ReportRow> {
    const row = await this.reports.find(this.tx.none, workspaceId, reportId);
    if (!row) throw new ReportsException(ReportsErrorCode.ReportNotFound, 'No such report in this workspace');
    return row;
  }
}
