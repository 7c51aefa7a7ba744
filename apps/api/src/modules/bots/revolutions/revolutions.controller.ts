import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateRevolutionBotRequestSchema,
  type RevolutionBotDto,
  type RevolutionProgressDto,
  UpdateRevolutionBotRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { RevolutionsService } from './revolutions.service';

@ApiTags('bots')
@Controller('workspaces/:workspaceId/bots/revolutions')
export class RevolutionsController {
  constructor(private readonly revolutions: RevolutionsService) {}

  @RequireRole('moderator')
  @Get()
  list(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<RevolutionBotDto[]> {
    return this.revolutions.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post()
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateRevolutionBotRequestSchema })
    body: z.output<typeof CreateRevolutionBotRequestSchema>,
  ): Promise<RevolutionBotDto> {
    return this.revolutions.create(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Get(':id')
  get(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
  ): Promise<RevolutionBotDto> {
    return this.revolutions.get(actor, workspaceId, id);
  }

  /** Distinct viewers in the window now, against the threshold, and the cooldown. */
  @RequireRole('viewer')
  @Get(':id/progress')
  progress(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
  ): Promise<RevolutionProgressDto> {
    return this.revolutions.progress(actor, workspaceId, id);
  }

  @RequireRole('moderator')
  @Patch(':id')
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
    @Body({ schema: UpdateRevolutionBotRequestSchema })
    body: z.output<typeof UpdateRevolutionBotRequestSchema>,
  ): Promise<RevolutionBotDto> {
    return this.revolutions.update(actor, workspaceId, id, body);
  }

  @RequireRole('moderator')
  @Delete(':id')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
  ): Promise<void> {
    return this.revolutions.remove(actor, workspaceId, id);
  }
}
