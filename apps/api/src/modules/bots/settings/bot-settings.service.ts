import { Injectable } from '@nestjs/common';
import {
  type BotSettingsDto,
  DEFAULT_COMMAND_PREFIX,
  type UpdateBotSettingsRequest,
} from '@podium/contracts';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { Remembered } from '../../../common/concurrency/remembered';
import { BotSettingsRepository } from './bot-settings.repository';

/**
 * Three chat stages read the prefix for every message: it is remembered this long. A change made
 * on this replica applies at once; one made on another replica (or by a restore) within this long.
 */
const PREFIX_TTL_MS = 1_000;

/** The workspace's command prefix (and, later, other bot-wide settings). */
@Injectable()
export class BotSettingsService {
  private readonly prefixes = new Remembered<string>(PREFIX_TTL_MS);

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
    this.prefixes.forget(workspaceId);
    return { workspaceId, prefix: row.prefix };
  }

  /** The prefix commands start with (no access check: the chat stages use it). */
  prefix(workspaceId: string): Promise<string> {
    return this.prefixes.get(workspaceId, async () => {
      const row = await this.repository.find(this.tx.none, workspaceId);
      return row?.prefix ?? DEFAULT_COMMAND_PREFIX;
    });
  }
}
