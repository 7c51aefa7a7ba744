import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { type CsvFile, ResultsExportService } from './results-export.service';

@ApiTags('meetings')
@Controller('workspaces/:workspaceId/meetings/:meetingId')
export class ResultsExportController {
  constructor(private readonly exports: ResultsExportService) {}

  @RequireRole('viewer')
  @Get('results.csv')
  @ApiProduces('text/csv')
  async results(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return send(response, await this.exports.resultsCsv(actor, workspaceId, meetingId));
  }

  @RequireRole('viewer')
  @Get('scoreboard.csv')
  @ApiProduces('text/csv')
  async scoreboard(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return send(response, await this.exports.scoreboardCsv(actor, workspaceId, meetingId));
  }
}

function send(response: Response, file: CsvFile): string {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  return file.body;
}
