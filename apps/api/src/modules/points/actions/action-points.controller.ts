import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ActionPointsSettingsDto,
  type UpdateActionPointsSettingsRequest,
  UpdateActionPointsSettingsRequestSchema,
} from '@podium/contracts';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { ActionSettingsService } from './action-settings.service';

@ApiTags('points')
@Controller('workspaces/:workspaceId/points/action-settings')
export class ActionPointsController {
  constructor(private readonly settings: ActionSettingsService) {}

  /** Moderator+, like the core points settings: they configure the bot. */
  @RequireRole('moderator')
  @Get()
  get(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<ActionPointsSettingsDto> {
    return this.settings.get(actor, workspaceId);
  }

  /** Any subset of the settings; the whole settings come back. */
  @RequireRole('moderator')
  @Put()
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: UpdateActionPointsSettingsRequestSchema }) body: UpdateActionPointsSettingsRequest,
  ): Promise<ActionPointsSettingsDto> {
    return this.settings.update(actor, workspaceId, body);
  }
}
