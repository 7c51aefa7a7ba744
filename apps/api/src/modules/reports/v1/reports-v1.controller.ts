import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  type ReportDto,
  ReportExportQuerySchema,
  type ReportListDto,
  ReportListQuerySchema,
} from '@podium/contracts';
import type { Response } from 'express';
import type { z } from 'zod';
import { UuidParam } from '../../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../../public-api/auth/api-token.guard';
import {
  ApiErrorResponse,
  ApiV1Operation,
  ApiZodQuery,
  ApiZodResponse,
  schemaFromExample,
} from '../../public-api/openapi/zod-openapi';
import { sendFile } from '../reports.controller';
import { ReportsService } from '../reports.service';
import {
  MEETING_REPORT_CSV_EXAMPLE,
  MEETING_REPORT_EXAMPLE,
  REPORT_LIST_EXAMPLE,
  STREAM_REPORT_EXAMPLE,
} from './reports-v1.examples';

const NO_REPORT = () => ApiErrorResponse(404, 'reports.report_not_found', 'No such report in this workspace');

const REPORT_DESCRIPTION =
  'A stream report (`kind: "stream"`: one connection from `stream_online` to `stream_offline`, with chat ' +
  'messages, unique chatters, follows, subscriptions, bits, raids, donations, redemptions, points given and ' +
  'spent, viewer-count samples where the platform gives them, and messages per minute) or a meeting report ' +
  '(`kind: "meeting"`: attendance and, per question, participation and correct rates).';

/** `/api/v1/workspaces/:workspaceId/reports`: stored stream and meeting reports, read-only. */
@ApiTags('v1: reports')
@Controller('v1/workspaces/:workspaceId/reports')
export class ReportsV1Controller {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiTokenAuth('reports:read')
  @ApiV1Operation(
    'List reports',
    'Stream and meeting reports, newest first (by end). Page back with `before` = the `nextBefore` of the ' +
      'previous page. Reports are computed when a stream goes offline or a meeting ends. Needs `reports:read`.',
  )
  @ApiZodQuery(ReportListQuerySchema)
  @ApiZodResponse(200, 'A page of reports', REPORT_LIST_EXAMPLE)
  list(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @Query({ schema: ReportListQuerySchema }) query: z.output<typeof ReportListQuerySchema>,
  ): Promise<ReportListDto> {
    return this.reports.listOf(actor.workspaceId, query);
  }

  @Get(':reportId')
  @ApiTokenAuth('reports:read')
  @NO_REPORT()
  @ApiV1Operation('Get a report', `${REPORT_DESCRIPTION} Needs \`reports:read\`.`)
  @ApiResponse({
    status: 200,
    description: 'The report (a stream report or a meeting report, by `kind`)',
    content: {
      'application/json': {
        schema: {
          oneOf: [schemaFromExample(STREAM_REPORT_EXAMPLE), schemaFromExample(MEETING_REPORT_EXAMPLE)],
          example: STREAM_REPORT_EXAMPLE,
        },
        examples: {
          stream: { value: STREAM_REPORT_EXAMPLE },
          meeting: { value: MEETING_REPORT_EXAMPLE },
        },
      },
    },
  })
  get(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('reportId') reportId: string,
  ): Promise<ReportDto> {
    return this.reports.getOf(actor.workspaceId, reportId);
  }

  @Get(':reportId/export')
  @ApiTokenAuth('reports:read')
  @NO_REPORT()
  @ApiV1Operation(
    'Download a report',
    'The report as a file (`Content-Disposition: attachment`). `format=json` (default) is the report as ' +
      '`GET /reports/{reportId}` returns it; `format=csv` is RFC 4180 CSV with a header row: a meeting report ' +
      'has one row per question, a stream report `section,name,at,value` rows (totals, viewer samples, ' +
      "messages per minute). Text cells starting with `= + - @` are prefixed with `'`. Needs `reports:read`.",
  )
  @ApiZodQuery(ReportExportQuerySchema)
  @ApiProduces('application/json', 'text/csv')
  @ApiResponse({
    status: 200,
    description: 'The report file',
    content: {
      'application/json': {
        schema: { ...schemaFromExample(MEETING_REPORT_EXAMPLE), example: MEETING_REPORT_EXAMPLE },
      },
      'text/csv': { schema: { type: 'string', example: MEETING_REPORT_CSV_EXAMPLE } },
    },
  })
  async export(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('reportId') reportId: string,
    @Query({ schema: ReportExportQuerySchema }) query: z.output<typeof ReportExportQuerySchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file = await this.reports.exportOf(actor.workspaceId, reportId, query.format);
    sendFile(response, file);
    return file.body;
  }
}
