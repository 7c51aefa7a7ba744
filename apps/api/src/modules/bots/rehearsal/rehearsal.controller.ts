import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ParsedRehearsalBurst,
  type ParsedRehearsalEvent,
  RehearsalBurstRequestSchema,
  RehearsalEventRequestSchema,
  type RehearsalInjectionDto,
  type RehearsalStatusDto,
} from '@podium/contracts';
import { type Member, Membership } from '../../../common/http/membership.decorator';
import { UuidParam } from '../../../common/http/params';
import { RequireRole } from '../../auth/workspace-role.guard';
import { RehearsalService } from './rehearsal.service';

/** Rehearsal mode: a chat simulator for trying bots, alerts and questions before going live. */
@ApiTags('bots')
@Controller('workspaces/:workspaceId/rehearsal')
export class RehearsalController {
  constructor(private readonly rehearsal: RehearsalService) {}

  /** The rehearsal connection (created on first use) and whether its simulated stream is live. */
  @RequireRole('moderator')
  @Get()
  status(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<RehearsalStatusDto> {
    return this.rehearsal.status(actor, workspaceId);
  }

  /** One fake viewer's message or event, or a stream going online/offline. */
  @RequireRole('moderator')
  @Post('events')
  inject(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: RehearsalEventRequestSchema }) body: ParsedRehearsalEvent,
  ): Promise<RehearsalInjectionDto> {
    return this.rehearsal.inject(actor, workspaceId, body);
  }

  /** The same line from 1–200 distinct fake viewers (try a revolution bot). */
  @RequireRole('moderator')
  @Post('burst')
  burst(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: RehearsalBurstRequestSchema }) body: ParsedRehearsalBurst,
  ): Promise<RehearsalInjectionDto> {
    return this.rehearsal.burst(actor, workspaceId, body);
  }
}
