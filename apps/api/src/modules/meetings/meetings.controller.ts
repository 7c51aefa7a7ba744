import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateMeetingRequestSchema,
  type MeetingDto,
  type MeetingSummaryDto,
  UpdateMeetingRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@Controller('workspaces/:workspaceId/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @RequireRole('viewer')
  @Get()
  list(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<MeetingSummaryDto[]> {
    return this.meetings.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post()
  @HttpCode(201)
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateMeetingRequestSchema }) body: z.output<typeof CreateMeetingRequestSchema>,
  ): Promise<MeetingDto> {
    return this.meetings.create(actor, workspaceId, body);
  }

  @RequireRole('viewer')
  @Get(':meetingId')
  get(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<MeetingDto> {
    return this.meetings.get(actor, workspaceId, meetingId);
  }

  @RequireRole('moderator')
  @Patch(':meetingId')
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: UpdateMeetingRequestSchema }) body: z.output<typeof UpdateMeetingRequestSchema>,
  ): Promise<MeetingDto> {
    return this.meetings.update(actor, workspaceId, meetingId, body);
  }

  @RequireRole('moderator')
  @Delete(':meetingId')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<void> {
    return this.meetings.remove(actor, workspaceId, meetingId);
  }

  @RequireRole('moderator')
  @Post(':meetingId/join-code')
  @HttpCode(200)
  regenerateJoinCode(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<MeetingDto> {
    return this.meetings.regenerateJoinCode(actor, workspaceId, meetingId);
  }

  @RequireRole('moderator')
  @Post(':meetingId/duplicate')
  @HttpCode(201)
  duplicate(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<MeetingDto> {
    return this.meetings.duplicate(actor, workspaceId, meetingId);
  }

  @RequireRole('moderator')
  @Post(':meetingId/reset')
  @HttpCode(200)
  reset(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<MeetingDto> {
    return this.meetings.reset(actor, workspaceId, meetingId);
  }
}
