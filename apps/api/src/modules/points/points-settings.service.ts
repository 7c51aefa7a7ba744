import { Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_POINTS_SETTINGS,
  type PointsSettingsDto,
  PointsSettingsSchema,
  type UpdatePointsSettingsRequest,
} from '@podium/contracts';
import { TransactionRunner } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { PointsRepository } from './points.repository';

/**
 * A workspace's points settings: one stored document over the defaults, so fields added later
 * (action points, streaks) read as their defaults until someone saves them.
 */
@Injectable()
export class PointsSettingsService {
  private readonly logger = new Logger(PointsSettingsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repository: PointsRepository,
    private readonly access: WorkspaceAccess,
  ) {}

  /** The settings in force (no access check: for the api's own use). */
  async get(workspaceId: string): Promise<PointsSettingsDto> {
    return this.parse(workspaceId, await this.repository.settings(this.tx.none, workspaceId));
  }

  /** Passive mode: points accrue, no redeems, the bot is silent except `!points`. */
  async isPassive(workspaceId: string): Promise<boolean> {
    return (await this.get(workspaceId)).passive;
  }

  async read(actor: Actor, workspaceId: string): Promise<PointsSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.get(workspaceId);
  }

  async update(
    actor: Actor,
    workspaceId: string,
    request: UpdatePointsSettingsRequest,
  ): Promise<PointsSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.tx.run(async (tx) => {
      // Two editors saving different fields at once both keep theirs: the row is locked for the merge.
      const current = this.parse(workspaceId, await this.repository.lockSettings(tx, workspaceId));
      const next = PointsSettingsSchema.parse({ ...current, ...request });
      await this.repository.saveSettings(tx, workspaceId, next);
      return next;
    });
  }

  /** Stored values over the defaults; a stored field that no longer validates falls back to its default. */
  parse(workspaceId: string, stored: Record<string, unknown> | null): PointsSettingsDto {
    const merged = { ...DEFAULT_POINTS_SETTINGS, ...(stored ?? {}) };
    const parsed = PointsSettingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    this.logger.warn({ workspaceId, fields: [...bad] }, 'stored points settings invalid; defaults used');
    const repaired: Record<string, unknown> = { ...merged };
    for (const key of bad) repaired[key] = (DEFAULT_POINTS_SETTINGS as Record<string, unknown>)[key];
    return PointsSettingsSchema.parse(repaired);
  }
}
