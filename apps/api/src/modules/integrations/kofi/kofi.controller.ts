import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateKofiLinkRequest,
  CreateKofiLinkRequestSchema,
  type KofiLinkDto,
  type KofiLinkResultDto,
  type KofiPaymentDto,
  type KofiPaymentsQuery,
  KofiPaymentsQuerySchema,
  type KofiSettingsDto,
  type UpdateKofiSettingsRequest,
  UpdateKofiSettingsRequestSchema,
} from '@podium/contracts';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { KofiService } from './kofi.service';

@ApiTags('kofi')
@Controller('workspaces/:workspaceId/kofi')
export class KofiController {
  constructor(private readonly kofi: KofiService) {}

  /** The webhook URL to paste in Ko-fi and the points rate (owners). */
  @RequireRole('owner')
  @Get('settings')
  settings(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<KofiSettingsDto> {
    return this.kofi.settings(actor, workspaceId);
  }

  @RequireRole('owner')
  @Put('settings')
  updateSettings(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: UpdateKofiSettingsRequestSchema }) body: UpdateKofiSettingsRequest,
  ): Promise<KofiSettingsDto> {
    return this.kofi.updateSettings(actor, workspaceId, body);
  }

  /** Linked viewers (e-mails shown to owners only). */
  @RequireRole('moderator')
  @Get('links')
  links(@Membership() actor: Member, @UuidParam('workspaceId') workspaceId: string): Promise<KofiLinkDto[]> {
    return this.kofi.links(actor, workspaceId);
  }

  /** A moderator links a viewer's Ko-fi e-mail by hand; pending payments of it are credited now. */
  @RequireRole('moderator')
  @Post('links')
  @HttpCode(201)
  link(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateKofiLinkRequestSchema }) body: CreateKofiLinkRequest,
  ): Promise<KofiLinkResultDto> {
    return this.kofi.linkByModerator(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Delete('links/:linkId')
  @HttpCode(204)
  unlink(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('linkId') linkId: string,
  ): Promise<void> {
    return this.kofi.unlink(actor, workspaceId, linkId);
  }

  /** Recorded payments, newest first. */
  @RequireRole('moderator')
  @Get('payments')
  payments(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: KofiPaymentsQuerySchema }) query: KofiPaymentsQuery,
  ): Promise<KofiPaymentDto[]> {
    return this.kofi.payments(actor, workspaceId, query);
  }
}
