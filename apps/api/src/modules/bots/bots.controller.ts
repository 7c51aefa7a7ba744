import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AutoResponseDto,
  type BotCommandDto,
  BotSandboxRequestSchema,
  type BotSandboxResultDto,
  type BotSettingsDto,
  type BuiltinCommandDto,
  CreateAutoResponseRequestSchema,
  CreateBotCommandRequestSchema,
  UpdateAutoResponseRequestSchema,
  UpdateBotCommandRequestSchema,
  type UpdateBotSettingsRequest,
  UpdateBotSettingsRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { AutoResponsesService } from './auto-responses/auto-responses.service';
import { BotCommandsService } from './commands/bot-commands.service';
import { BotSandboxService } from './commands/bot-sandbox.service';
import { BotSettingsService } from './settings/bot-settings.service';

/** Bot settings, custom commands, auto-responses and the sandbox (moderators). */
@ApiTags('bots')
@Controller('workspaces/:workspaceId/bots')
export class BotsController {
  constructor(
    private readonly settings: BotSettingsService,
    private readonly commands: BotCommandsService,
    private readonly autoResponses: AutoResponsesService,
    private readonly sandbox: BotSandboxService,
  ) {}

  @RequireRole('moderator')
  @Get('settings')
  getSettings(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<BotSettingsDto> {
    return this.settings.get(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Put('settings')
  updateSettings(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: UpdateBotSettingsRequestSchema }) body: UpdateBotSettingsRequest,
  ): Promise<BotSettingsDto> {
    return this.settings.update(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Get('commands')
  listCommands(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<BotCommandDto[]> {
    return this.commands.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Get('builtin-commands')
  listBuiltins(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<BuiltinCommandDto[]> {
    return this.commands.listBuiltins(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post('commands')
  createCommand(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateBotCommandRequestSchema }) body: z.output<typeof CreateBotCommandRequestSchema>,
  ): Promise<BotCommandDto> {
    return this.commands.create(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Get('commands/:commandId')
  getCommand(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('commandId') commandId: string,
  ): Promise<BotCommandDto> {
    return this.commands.get(actor, workspaceId, commandId);
  }

  @RequireRole('moderator')
  @Patch('commands/:commandId')
  updateCommand(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('commandId') commandId: string,
    @Body({ schema: UpdateBotCommandRequestSchema }) body: z.output<typeof UpdateBotCommandRequestSchema>,
  ): Promise<BotCommandDto> {
    return this.commands.update(actor, workspaceId, commandId, body);
  }

  @RequireRole('moderator')
  @Delete('commands/:commandId')
  @HttpCode(204)
  removeCommand(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('commandId') commandId: string,
  ): Promise<void> {
    return this.commands.remove(actor, workspaceId, commandId);
  }

  @RequireRole('moderator')
  @Get('auto-responses')
  listAutoResponses(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<AutoResponseDto[]> {
    return this.autoResponses.list(actor, workspaceId);
  }

  @RequireRole('moderator')
  @Post('auto-responses')
  createAutoResponse(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateAutoResponseRequestSchema }) body: z.output<typeof CreateAutoResponseRequestSchema>,
  ): Promise<AutoResponseDto> {
    return this.autoResponses.create(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Get('auto-responses/:autoResponseId')
  getAutoResponse(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('autoResponseId') autoResponseId: string,
  ): Promise<AutoResponseDto> {
    return this.autoResponses.get(actor, workspaceId, autoResponseId);
  }

  @RequireRole('moderator')
  @Patch('auto-responses/:autoResponseId')
  updateAutoResponse(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('autoResponseId') autoResponseId: string,
    @Body({ schema: UpdateAutoResponseRequestSchema }) body: z.output<typeof UpdateAutoResponseRequestSchema>,
  ): Promise<AutoResponseDto> {
    return this.autoResponses.update(actor, workspaceId, autoResponseId, body);
  }

  @RequireRole('moderator')
  @Delete('auto-responses/:autoResponseId')
  @HttpCode(204)
  removeAutoResponse(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('autoResponseId') autoResponseId: string,
  ): Promise<void> {
    return this.autoResponses.remove(actor, workspaceId, autoResponseId);
  }

  /** What the bots would answer to a line, without posting or using a cooldown. */
  @RequireRole('moderator')
  @Post('sandbox')
  @HttpCode(200)
  trySandbox(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: BotSandboxRequestSchema }) body: z.output<typeof BotSandboxRequestSchema>,
  ): Promise<BotSandboxResultDto> {
    return this.sandbox.evaluate(actor, workspaceId, body);
  }
}
