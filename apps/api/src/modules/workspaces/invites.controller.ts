import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CreatedInviteDto, CreateInviteRequestSchema, type InviteDto } from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { InvitesService } from './invites.service';

@ApiTags('invites')
@Controller('workspaces/:workspaceId/invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @RequireRole('owner')
  @Get()
  list(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<InviteDto[]> {
    return this.invites.listPending(actor, workspaceId);
  }

  @RequireRole('owner')
  @Post()
  @HttpCode(201)
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateInviteRequestSchema }) body: z.output<typeof CreateInviteRequestSchema>,
  ): Promise<CreatedInviteDto> {
    return this.invites.create(actor, workspaceId, body);
  }

  @RequireRole('owner')
  @Delete(':inviteId')
  @HttpCode(204)
  revoke(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('inviteId') inviteId: string,
  ): Promise<void> {
    return this.invites.revoke(actor, workspaceId, inviteId);
  }
}
