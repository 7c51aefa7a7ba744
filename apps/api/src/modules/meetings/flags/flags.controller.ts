import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateFlagRequestSchema, type FlagDto, UpdateFlagRequestSchema } from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { FlagsService } from './flags.service';

@ApiTags('flags')
@Controller('workspaces/:workspaceId/flags')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @RequireRole('moderator')
  @Get()
  list(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<FlagDto[]> {
    return this.flags.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post()
  @HttpCode(201)
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateFlagRequestSchema }) body: z.output<typeof CreateFlagRequestSchema>,
  ): Promise<FlagDto> {
    return this.flags.create(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Patch(':flagId')
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('flagId') flagId: string,
    @Body({ schema: UpdateFlagRequestSchema }) body: z.output<typeof UpdateFlagRequestSchema>,
  ): Promise<FlagDto> {
    return this.flags.update(actor, workspaceId, flagId, body);
  }

  @RequireRole('moderator')
  @Delete(':flagId')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('flagId') flagId: string,
  ): Promise<void> {
    return this.flags.remove(actor, workspaceId, flagId);
  }
}
