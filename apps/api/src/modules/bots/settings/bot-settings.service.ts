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

/**
 * Three chat stages read the prefix for every message: it is remembered this long. A change made
 * on this replica applies at once; one made on another replica (or by a restore) within this long.
 */
const PREFIX_TTL_MS = 1_000;

/** The workspace's command prefix (and, later, other bot-wide settings). */
@Injectable()
export class BotSettingsService {
  private readonly prefixes = new Map<string, { until: number; prefix: Promise<string> }>();

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
    this.prefixes.delete(workspaceId);
    return { workspaceId, prefix: row.prefix };
  }

  /** The prefix commands start with (no access check: the chat stages use it). */
  prefix(workspaceId: string): Promise<string> {
    const now = Date.now();
    const remembered = this.prefixes.get(workspaceId);
    if (remembered && remembered.until > now) return remembered.prefix;
    const prefix = this.repository
      .find(this.tx.none, workspaceId)
      .then((row) => row?.prefix ?? DEFAULT_COMMAND_PREFIX);
    this.prefixes.set(workspaceId, { until: now + PREFIX_TTL_MS, prefix });
    // A failed read is not remembered.
    prefix.catch(() => this.prefixes.delete(workspaceId));
    return prefix;
  }
}
