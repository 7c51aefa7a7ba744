import { Injectable } from '@nestjs/common';
import {
  type BotSettingsDto,
  DEFAULT_COMMAND_PREFIX,
  type UpdateBotSettingsRequest,
} from '@podium/contracts';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { BotSettingsRepository } from './bot-settings.repository';

/** The workspace's command prefix (and, later, other bot-wide settings). */
@Injectable()
export class BotSettingsService {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly repository: BotSettingsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async get(actor: Actor, workspaceId: string): Promise<BotSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return { workspaceId, prefix: await this.prefix(workspaceId) };
  }

  async update(actor: Actor, workspaceId: string, body: UpdateBotSettingsRequest): Promise<BotSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const row = await this.repository.upsert(this.tx.none, workspaceId, body.prefix);
    return { workspaceId, prefix: row.prefix };
  }

  /** The prefix commands start with (no access check: the chat stages use it). */
  async prefix(workspaceId: string): Promise<string> {
    return (await this.repository.find(this.tx.none, workspaceId))?.prefix ?? DEFAULT_COMMAND_PREFIX;
  }
}
