import { Body, Controller, Delete, Get, HttpCode, Post, Put, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type QuestionDto, QuestionInputSchema, ReorderQuestionsRequestSchema } from '@podium/contracts';
import { z } from 'zod';
import { UuidParam } from '../../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../auth/api-token.guard';
import { IdempotencyInterceptor } from '../auth/idempotency.interceptor';
import { ApiErrorResponse, ApiIdempotent, ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi';
import {
  InvalidBody,
  MeetingNotFound,
  MeetingsOperation,
  MissingScope,
  QuestionNotFound,
} from './meetings-v1.docs';
import { POLL_EXAMPLE, POLL_INPUT_EXAMPLE, QUIZ_EXAMPLE, REORDER_EXAMPLE } from './meetings-v1.examples';
import { QuestionDtoSchema } from './meetings-v1.schemas';
import { MeetingsV1Service } from './meetings-v1.service';

type QuestionBody = z.output<typeof QuestionInputSchema>;

const TYPES =
  'Six types, told apart by `type`: `slide` (title, markdown body, image), `poll` (choices, `multiple`), ' +
  '`quiz` (choices with `correct`, `scoring` standard or speed), `wordcloud`, `rating` (`scale`) and `qa`. ' +
  'Choices without an `id` get one; keep ids stable across edits so answers keep pointing at them.';

const QuestionOpen = (): MethodDecorator & ClassDecorator =>
  ApiErrorResponse(
    409,
    'meeting.question_open',
    'This question is open right now: close it before changing it',
  );

@ApiTags('v1: questions')
@Controller('v1/workspaces/:workspaceId/meetings/:meetingId')
export class QuestionsV1Controller {
  constructor(private readonly meetings: MeetingsV1Service) {}

  @Get('questions')
  @ApiTokenAuth('meetings:read')
  @MeetingsOperation(
    'List questions',
    "The meeting's questions in order. Scope `meetings:read`.",
    MissingScope('meetings:read'),
    MeetingNotFound(),
  )
  @ApiZodResponse(200, z.array(QuestionDtoSchema), [POLL_EXAMPLE, QUIZ_EXAMPLE])
  list(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<QuestionDto[]> {
    return this.meetings.listQuestions(actor, workspaceId, meetingId);
  }

  @Post('questions')
  @HttpCode(201)
  @ApiTokenAuth('meetings:write')
  @UseInterceptors(IdempotencyInterceptor)
  @MeetingsOperation(
    'Add a question',
    `Appends a question at the end of the meeting (at most 200). ${TYPES} Scope \`meetings:write\`.`,
    MissingScope('meetings:write'),
    InvalidBody('choices: needs at least one correct choice'),
    MeetingNotFound(),
    ApiErrorResponse(409, 'meeting.too_many_questions', 'A meeting holds at most 200 questions'),
  )
  @ApiIdempotent()
  @ApiZodBody(QuestionInputSchema, POLL_INPUT_EXAMPLE)
  @ApiZodResponse(201, QuestionDtoSchema, POLL_EXAMPLE)
  create(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: QuestionInputSchema }) body: QuestionBody,
  ): Promise<QuestionDto> {
    return this.meetings.createQuestion(actor, workspaceId, meetingId, body);
  }

  @Get('questions/:questionId')
  @ApiTokenAuth('meetings:read')
  @MeetingsOperation(
    'Get a question',
    'One question of the meeting. Scope `meetings:read`.',
    MissingScope('meetings:read'),
    QuestionNotFound(),
  )
  @ApiZodResponse(200, QuestionDtoSchema, QUIZ_EXAMPLE)
  get(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('questionId') questionId: string,
  ): Promise<QuestionDto> {
    return this.meetings.getQuestion(actor, workspaceId, meetingId, questionId);
  }

  @Put('questions/:questionId')
  @ApiTokenAuth('meetings:write')
  @UseInterceptors(IdempotencyInterceptor)
  @MeetingsOperation(
    'Replace a question',
    `Replaces the question's settings (its type may change); its place in the order stays. Refused ` +
      `while the question is open in the live run. ${TYPES} Scope \`meetings:write\`.`,
    MissingScope('meetings:write'),
    InvalidBody('choices: needs at least one correct choice'),
    QuestionNotFound(),
    QuestionOpen(),
  )
  @ApiIdempotent()
  @ApiZodBody(QuestionInputSchema, POLL_INPUT_EXAMPLE)
  @ApiZodResponse(200, QuestionDtoSchema, POLL_EXAMPLE)
  replace(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('questionId') questionId: string,
    @Body({ schema: QuestionInputSchema }) body: QuestionBody,
  ): Promise<QuestionDto> {
    return this.meetings.replaceQuestion(actor, workspaceId, meetingId, questionId, body);
  }

  @Delete('questions/:questionId')
  @HttpCode(204)
  @ApiTokenAuth('meetings:write')
  @UseInterceptors(IdempotencyInterceptor)
  @MeetingsOperation(
    'Delete a question',
    'Deletes the question and its answers. Refused (409) while it is the question the live run shows. ' +
      'Scope `meetings:write`.',
    MissingScope('meetings:write'),
    QuestionNotFound(),
    QuestionOpen(),
  )
  @ApiIdempotent()
  @ApiZodResponse(204, 'Deleted')
  remove(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @UuidParam('questionId') questionId: string,
  ): Promise<void> {
    return this.meetings.removeQuestion(actor, workspaceId, meetingId, questionId);
  }

  @Put('question-order')
  @ApiTokenAuth('meetings:write')
  @UseInterceptors(IdempotencyInterceptor)
  @MeetingsOperation(
    'Reorder questions',
    '`questionIds` must list every question of the meeting exactly once, in the new order. Scope ' +
      '`meetings:write`.',
    MissingScope('meetings:write'),
    ApiErrorResponse(
      400,
      'meeting.invalid_order',
      'questionIds must list every question of the meeting exactly once',
    ),
    MeetingNotFound(),
  )
  @ApiIdempotent()
  @ApiZodBody(ReorderQuestionsRequestSchema, REORDER_EXAMPLE)
  @ApiZodResponse(200, z.array(QuestionDtoSchema), [
    { ...QUIZ_EXAMPLE, position: 0 },
    { ...POLL_EXAMPLE, position: 1 },
  ])
  reorder(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: ReorderQuestionsRequestSchema }) body: z.output<typeof ReorderQuestionsRequestSchema>,
  ): Promise<QuestionDto[]> {
    return this.meetings.reorderQuestions(actor, workspaceId, meetingId, body.questionIds);
  }
}
