import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateWorkspaceRequest,
  CreateWorkspaceRequestSchema,
  type RenameWorkspaceRequest,
  RenameWorkspaceRequestSchema,
  type WorkspaceDto,
} from '@podium/contracts';
import { CurrentActor } from '../../common/http/current-actor.decorator';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import type { Actor } from '../auth/auth.service';
import { RequireRole } from '../auth/workspace-role.guard';
import { WorkspacesService } from './workspaces.service';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Post()
  @HttpCode(201)
  create(
    @CurrentActor() actor: Actor,
    @Body({ schema: CreateWorkspaceRequestSchema }) body: CreateWorkspaceRequest,
  ): Promise<WorkspaceDto> {
    return this.workspaces.create(actor, body.name);
  }

  @RequireRole('viewer')
  @Get(':workspaceId')
  get(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<WorkspaceDto> {
    return this.workspaces.get(actor, workspaceId);
  }

  @RequireRole('owner')
  @Patch(':workspaceId')
  rename(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: RenameWorkspaceRequestSchema }) body: RenameWorkspaceRequest,
  ): Promise<WorkspaceDto> {
    return this.workspaces.rename(actor, workspaceId, body.name);
  }
}
