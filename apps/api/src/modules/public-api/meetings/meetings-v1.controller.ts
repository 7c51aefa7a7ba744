import { Body, Controller, Delete, Get, HttpCode, Patch, Post, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateMeetingRequestSchema,
  type MeetingDto,
  type MeetingSummaryDto,
  UpdateMeetingRequestSchema,
} from '@podium/contracts';
import { z } from 'zod';
import { UuidParam } from '../../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../auth/api-token.guard';
import { IdempotencyInterceptor } from '../auth/idempotency.interceptor';
import { ApiIdempotent, ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi';
import { InvalidBody, MeetingNotFound, MeetingsOperation, MissingScope } from './meetings-v1.docs';
import {
  CREATE_MEETING_EXAMPLE,
  MEETING_EXAMPLE,
  MEETING_SUMMARY_EXAMPLE,
  UPDATE_MEETING_EXAMPLE,
} from './meetings-v1.examples';
import { MeetingDtoSchema, MeetingSummaryDtoSchema } from './meetings-v1.schemas';
import { MeetingsV1Service } from './meetings-v1.service';

@ApiTags('v1: meetings')
@Controller('v1/workspaces/:workspaceId/meetings')
export class MeetingsV1Controller {
  constructor(private readonly meetings: MeetingsV1Service) {}

  @Get()
  @ApiTokenAuth('meetings:read')
  @MeetingsOperation(
    'List meetings',
    'Every meeting of the workspace, newest first, without their questions. Scope `meetings:read`.',
    MissingScope('meetings:read'),
  )
  @ApiZodResponse(200, z.array(MeetingSummaryDtoSchema), [MEETING_SUMMARY_EXAMPLE])
  list(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<MeetingSummaryDto[]> {
    return this.meetings.list(actor, workspaceId);
  }

  @Post()
  @HttpCode(201)
  @ApiTokenAuth('meetings:write')
  @UseInterceptors(IdempotencyInterceptor)
  @MeetingsOperation(
    'Create a meeting',
    'A new meeting in the `before` phase with a fresh join code and no questions (add them with ' +
      '`POST …/meetings/{meetingId}/questions`). `kind`: `in_room` (attendees join at /join with the ' +
      'code), `stream` (stream chat answers) or `both`. Missing `chat` settings take their defaults. ' +
      'Scope `meetings:write`.',
    MissingScope('meetings:write'),
    InvalidBody('title: is required'),
  )
  @ApiIdempotent()
  @ApiZodBody(CreateMeetingRequestSchema, CREATE_MEETING_EXAMPLE)
  @ApiZodResponse(201, MeetingDtoSchema, { ...MEETING_EXAMPLE, questions: [], questionCount: 0 })
  create(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateMeetingRequestSchema }) body: z.output<typeof CreateMeetingRequestSchema>,
  ): Promise<MeetingDto> {
    return this.meetings.create(actor, workspaceId, body);
  }

  @Get(':meetingId')
  @ApiTokenAuth('meetings:read')
  @MeetingsOperation(
    'Get a meeting',
    'The meeting with its settings, join code, live phase and questions in order (quiz choices say ' +
      'which are correct). Scope `meetings:read`.',
    MissingScope('meetings:read'),
    MeetingNotFound(),
  )
  @ApiZodResponse(200, MeetingDtoSchema, MEETING_EXAMPLE)
  get(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<MeetingDto> {
    return this.meetings.get(actor, workspaceId, meetingId);
  }

  @Patch(':meetingId')
  @ApiTokenAuth('meetings:write')
  @UseInterceptors(IdempotencyInterceptor)
  @MeetingsOperation(
    'Update a meeting',
    'Changes only the fields sent (title, description, kind, and any of the `chat` settings); allowed ' +
      'in every phase, also while the meeting runs. Scope `meetings:write`.',
    MissingScope('meetings:write'),
    InvalidBody('title: is required'),
    MeetingNotFound(),
  )
  @ApiIdempotent()
  @ApiZodBody(UpdateMeetingRequestSchema, UPDATE_MEETING_EXAMPLE)
  @ApiZodResponse(200, MeetingDtoSchema, { ...MEETING_EXAMPLE, title: 'Friday quiz night (finals)' })
  update(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: UpdateMeetingRequestSchema }) body: z.output<typeof UpdateMeetingRequestSchema>,
  ): Promise<MeetingDto> {
    return this.meetings.update(actor, workspaceId, meetingId, body);
  }

  @Delete(':meetingId')
  @HttpCode(204)
  @ApiTokenAuth('meetings:write')
  @UseInterceptors(IdempotencyInterceptor)
  @MeetingsOperation(
    'Delete a meeting',
    'Deletes the meeting with its questions, attendees, answers and scores; cannot be undone. Scope ' +
      '`meetings:write`.',
    MissingScope('meetings:write'),
    MeetingNotFound(),
  )
  @ApiIdempotent()
  @ApiZodResponse(204, 'Deleted')
  remove(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<void> {
    return this.meetings.remove(actor, workspaceId, meetingId);
  }
}
