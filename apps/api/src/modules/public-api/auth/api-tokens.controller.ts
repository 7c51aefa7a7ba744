import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ApiTokenDto, CreateApiTokenRequestSchema, type CreatedApiTokenDto } from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { ApiTokensService } from './api-tokens.service';

/** The admin's management of API tokens (session auth): owners create and revoke, moderators list. */
@ApiTags('api-tokens')
@Controller('workspaces/:workspaceId/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @RequireRole('moderator')
  @Get()
  list(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<ApiTokenDto[]> {
    return this.tokens.list(actor, workspaceId);
  }

  @RequireRole('owner')
  @Post()
  @HttpCode(201)
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateApiTokenRequestSchema }) body: z.output<typeof CreateApiTokenRequestSchema>,
  ): Promise<CreatedApiTokenDto> {
    return this.tokens.create(actor, workspaceId, body);
  }

  @RequireRole('owner')
  @Delete(':tokenId')
  revoke(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('tokenId') tokenId: string,
  ): Promise<ApiTokenDto> {
    return this.tokens.revoke(actor, workspaceId, tokenId);
  }
}
