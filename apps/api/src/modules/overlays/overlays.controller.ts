import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreatedOverlayTokenDto,
  type CreateOverlayTokenRequest,
  CreateOverlayTokenRequestSchema,
  type OverlayTokenDto,
} from '@podium/contracts';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { OverlaysService } from './overlays.service';

@ApiTags('overlays')
@Controller('workspaces/:workspaceId/overlay-tokens')
export class OverlaysController {
  constructor(private readonly overlays: OverlaysService) {}

  @RequireRole('moderator')
  @Get()
  list(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<OverlayTokenDto[]> {
    return this.overlays.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post()
  @HttpCode(201)
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateOverlayTokenRequestSchema }) body: CreateOverlayTokenRequest,
  ): Promise<CreatedOverlayTokenDto> {
    return this.overlays.create(actor, workspaceId, body.label);
  }

  @RequireRole('moderator')
  @Delete(':tokenId')
  @HttpCode(204)
  revoke(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('tokenId') tokenId: string,
  ): Promise<void> {
    return this.overlays.revoke(actor, workspaceId, tokenId);
  }
}
