import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CreateRevolutionBotRequestSchema,
  type RevolutionBotDto,
  type RevolutionProgressDto,
  UpdateRevolutionBotRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { CurrentActor } from '../../../common/http/current-actor.decorator';
import { UuidParam } from '../../../common/http/params';
import type { Actor } from '../../auth/auth.service';
import { RevolutionsService } from './revolutions.service';

@ApiTags('bots')
@Controller('workspaces/:workspaceId/bots/revolutions')
export class RevolutionsController {
  constructor(private readonly revolutions: RevolutionsService) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<RevolutionBotDto[]> {
    return this.revolutions.list(actor, workspaceId);
  }

  @Post()
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateRevolutionBotRequestSchema })
    body: z.output<typeof CreateRevolutionBotRequestSchema>,
  ): Promise<RevolutionBotDto> {
    return this.revolutions.create(actor, workspaceId, body);
  }

  @Get(':id')
  get(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
  ): Promise<RevolutionBotDto> {
    return this.revolutions.get(actor, workspaceId, id);
  }

  /** Distinct viewers in the window now, against the threshold, and the cooldown. */
  @Get(':id/progress')
  progress(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
  ): Promise<RevolutionProgressDto> {
    return this.revolutions.progress(actor, workspaceId, id);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
    @Body({ schema: UpdateRevolutionBotRequestSchema })
    body: z.output<typeof UpdateRevolutionBotRequestSchema>,
  ): Promise<RevolutionBotDto> {
    return this.revolutions.update(actor, workspaceId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('id') id: string,
  ): Promise<void> {
    return this.revolutions.remove(actor, workspaceId, id);
  }
}
