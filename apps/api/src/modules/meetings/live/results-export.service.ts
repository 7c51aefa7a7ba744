import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/auth.service';
import { MeetingAccess } from '../meeting-access.service';
import { toQuestionDto } from '../meetings.mapper';
import { QuestionsRepository } from '../questions.repository';
import { LiveResultsService } from './live-results.service';
import { toResultsCsv, toScoreboardCsv } from './results-csv';
import { ScoreboardService } from './scoreboard.service';

export interface CsvFile {
  filename: string;
  body: string;
}

/** Results and scoreboard of a meeting as CSV files, for viewers and up. */
@Injectable()
export class ResultsExportService {
  constructor(
    private readonly access: MeetingAccess,
    private readonly questions: QuestionsRepository,
    private readonly results: LiveResultsService,
    private readonly scoreboard: ScoreboardService,
  ) {}

  async resultsCsv(actor: Actor, workspaceId: string, meetingId: string): Promise<CsvFile> {
    const { meeting } = await this.access.require(actor, workspaceId, meetingId, 'viewer');
    const questions = await this.questions.listByMeeting(meetingId);
    const rows = [];
    for (const question of questions) {
      rows.push({ question: toQuestionDto(question), results: await this.results.forOrganizer(question) });
    }
    return { filename: fileName(meeting.title, 'results'), body: toResultsCsv(rows) };
  }

  async scoreboardCsv(actor: Actor, workspaceId: string, meetingId: string): Promise<CsvFile> {
    const { meeting } = await this.access.require(actor, workspaceId, meetingId, 'viewer');
    return {
      filename: fileName(meeting.title, 'scoreboard'),
      body: toScoreboardCsv(await this.scoreboard.ranking(meetingId)),
    };
  }
}

/** An ASCII file name from the title (headers are not the place for the rest). */
export function fileName(title: string, what: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'meeting'}-${what}.csv`;
}
