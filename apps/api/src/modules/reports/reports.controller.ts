import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ReportDto,
  ReportExportQuerySchema,
  type ReportListDto,
  ReportListQuerySchema,
} from '@podium/contracts';
import type { Response } from 'express';
import type { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { ReportsService } from './reports.service';

/** Organizers' reports: list, read, download (CSV / JSON) and recompute. */
@ApiTags('reports')
@Controller('workspaces/:workspaceId/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @RequireRole('viewer')
  @Get()
  list(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: ReportListQuerySchema }) query: z.output<typeof ReportListQuerySchema>,
  ): Promise<ReportListDto> {
    return this.reports.list(actor, workspaceId, query);
  }

  @RequireRole('viewer')
  @Get(':reportId')
  get(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('reportId') reportId: string,
  ): Promise<ReportDto> {
    return this.reports.get(actor, workspaceId, reportId);
  }

  /** The report as a file: `attachment`, named after its kind and day. */
  @RequireRole('viewer')
  @Get(':reportId/export')
  async export(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('reportId') reportId: string,
    @Query({ schema: ReportExportQuerySchema }) query: z.output<typeof ReportExportQuerySchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file = await this.reports.export(actor, workspaceId, reportId, query.format);
    sendFile(response, file);
    return file.body;
  }

  @RequireRole('moderator')
  @Post(':reportId/recompute')
  @HttpCode(200)
  recompute(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('reportId') reportId: string,
  ): Promise<ReportDto> {
    return this.reports.recompute(actor, workspaceId, reportId);
  }
}

/** Headers of a download; the body is returned by the route. */
export function sendFile(response: Response, file: { filename: string; contentType: string }): void {
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  response.setHeader('Cache-Control', 'no-store');
}
