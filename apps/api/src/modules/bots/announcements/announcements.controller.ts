import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AnnouncementDto,
  CreateAnnouncementRequestSchema,
  UpdateAnnouncementRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { AnnouncementsService } from './announcements.service';

@ApiTags('bots')
@Controller('workspaces/:workspaceId/bots/announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @RequireRole('moderator')
  @Get()
  list(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<AnnouncementDto[]> {
    return this.announcements.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post()
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateAnnouncementRequestSchema }) body: z.output<typeof CreateAnnouncementRequestSchema>,
  ): Promise<AnnouncementDto> {
    return this.announcements.create(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Get(':id')
  get(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
  ): Promise<AnnouncementDto> {
    return this.announcements.get(actor, workspaceId, id);
  }

  @RequireRole('moderator')
  @Patch(':id')
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
    @Body({ schema: UpdateAnnouncementRequestSchema }) body: z.output<typeof UpdateAnnouncementRequestSchema>,
  ): Promise<AnnouncementDto> {
    return this.announcements.update(actor, workspaceId, id, body);
  }

  @RequireRole('moderator')
  @Delete(':id')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
  ): Promise<void> {
    return this.announcements.remove(actor, workspaceId, id);
  }
}
