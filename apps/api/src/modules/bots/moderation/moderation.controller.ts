import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ModerationLogPageDto,
  ModerationLogQuerySchema,
  type ModerationSettingsDto,
  UpdateModerationSettingsSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { ModerationSettingsService } from './moderation-settings.service';

@ApiTags('bots')
@Controller('workspaces/:workspaceId/bots/moderation')
export class ModerationController {
  constructor(private readonly moderation: ModerationSettingsService) {}

  @RequireRole('moderator')
  @Get()
  settings(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<ModerationSettingsDto> {
    return this.moderation.get(actor, workspaceId);
  }

  /** Replaces the settings; regexes are compiled here and refused with a 400 naming the term. */
  @RequireRole('moderator')
  @Put()
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: UpdateModerationSettingsSchema }) body: ModerationSettingsDto,
  ): Promise<ModerationSettingsDto> {
    return this.moderation.update(actor, workspaceId, body);
  }

  /** Every action moderation took, newest first. */
  @RequireRole('moderator')
  @Get('log')
  log(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: ModerationLogQuerySchema }) query: z.output<typeof ModerationLogQuerySchema>,
  ): Promise<ModerationLogPageDto> {
    return this.moderation.log(actor, workspaceId, query);
  }
}
