import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AlertDto,
  type EventAlertKind,
  EventAlertKindSchema,
  type EventAlertSettingsDto,
  type TestAlertRequest,
  TestAlertRequestSchema,
  type UpdateEventAlertSettingsRequest,
  UpdateEventAlertSettingsRequestSchema,
} from '@podium/contracts';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { EventAlertsService } from './event-alerts.service';

@ApiTags('bots')
@Controller('workspaces/:workspaceId/bots/alerts')
export class EventAlertsController {
  constructor(private readonly eventAlerts: EventAlertsService) {}

  /** Fires a test alert on the overlay (the kind's settings with sample values, or plain text). */
  @RequireRole('moderator')
  @Post('test')
  @HttpCode(201)
  test(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: TestAlertRequestSchema }) body: TestAlertRequest,
  ): Promise<AlertDto> {
    return this.eventAlerts.test(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Get(':kind')
  get(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Param('kind', { schema: EventAlertKindSchema }) kind: EventAlertKind,
  ): Promise<EventAlertSettingsDto> {
    return this.eventAlerts.get(actor, workspaceId, kind);
  }

  @RequireRole('moderator')
  @Put(':kind')
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Param('kind', { schema: EventAlertKindSchema }) kind: EventAlertKind,
    @Body({ schema: UpdateEventAlertSettingsRequestSchema }) body: UpdateEventAlertSettingsRequest,
  ): Promise<EventAlertSettingsDto> {
    return this.eventAlerts.update(actor, workspaceId, kind, body);
  }
}
