import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ApiTokenDto, CreateApiTokenRequestSchema, type CreatedApiTokenDto } from '@podium/contracts';
import type { z } from 'zod';
import { CurrentActor } from '../../../common/http/current-actor.decorator';
import { UuidParam } from '../../../common/http/params';
import type { Actor } from '../../auth/auth.service';
import { RequireRole } from '../../auth/workspace-role.guard';
import { ApiTokensService } from './api-tokens.service';

/** The admin's management of API tokens (session auth): owners create and revoke, moderators list. */
@ApiTags('api-tokens')
@Controller('workspaces/:workspaceId/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @RequireRole('moderator')
  @Get()
  list(@CurrentActor() actor: Actor, @UuidParam('workspaceId') workspaceId: string): Promise<ApiTokenDto[]> {
    return this.tokens.list(actor, workspaceId);
  }

  @RequireRole('owner')
  @Post()
  @HttpCode(201)
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateApiTokenRequestSchema }) body: z.output<typeof CreateApiTokenRequestSchema>,
  ): Promise<CreatedApiTokenDto> {
    return this.tokens.create(actor, workspaceId, body);
  }

  @RequireRole('owner')
  @Delete(':tokenId')
  revoke(
    @CurrentActor() actor: Actor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('tokenId') tokenId: string,
  ): Promise<ApiTokenDto> {
    return this.tokens.revoke(actor, workspaceId, tokenId);
  }
}
