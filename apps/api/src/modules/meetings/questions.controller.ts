import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type QuestionDto,
  QuestionInputSchema,
  type QuestionsExport,
  QuestionsExportSchema,
  ReorderQuestionsRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { QuestionsService } from './questions.service';

type QuestionBody = z.output<typeof QuestionInputSchema>;

@ApiTags('questions')
@Controller('workspaces/:workspaceId/meetings/:meetingId')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @RequireRole('moderator')
  @Post('questions')
  @HttpCode(201)
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: QuestionInputSchema }) body: QuestionBody,
  ): Promise<QuestionDto> {
    return this.questions.create(actor, workspaceId, meetingId, body);
  }

  @RequireRole('viewer')
  @Get('questions/export')
  exportQuestions(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<QuestionsExport> {
    return this.questions.exportQuestions(actor, workspaceId, meetingId);
  }

  @RequireRole('moderator')
  @Post('questions/import')
  @HttpCode(201)
  importQuestions(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: QuestionsExportSchema }) body: z.output<typeof QuestionsExportSchema>,
  ): Promise<QuestionDto[]> {
    return this.questions.importQuestions(actor, workspaceId, meetingId, body);
  }

  @RequireRole('moderator')
  @Put('questions/:questionId')
  replace(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('questionId') questionId: string,
    @Body({ schema: QuestionInputSchema }) body: QuestionBody,
  ): Promise<QuestionDto> {
    return this.questions.replace(actor, workspaceId, meetingId, questionId, body);
  }

  @RequireRole('moderator')
  @Delete('questions/:questionId')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('questionId') questionId: string,
  ): Promise<void> {
    return this.questions.remove(actor, workspaceId, meetingId, questionId);
  }

  @RequireRole('moderator')
  @Post('questions/:questionId/duplicate')
  @HttpCode(201)
  duplicate(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('questionId') questionId: string,
  ): Promise<QuestionDto> {
    return this.questions.duplicate(actor, workspaceId, meetingId, questionId);
  }

  @RequireRole('moderator')
  @Put('question-order')
  reorder(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: ReorderQuestionsRequestSchema }) body: z.output<typeof ReorderQuestionsRequestSchema>,
  ): Promise<QuestionDto[]> {
    return this.questions.reorder(actor, workspaceId, meetingId, body.questionIds);
  }
}
