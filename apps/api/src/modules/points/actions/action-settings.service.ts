import { Injectable, Logger } from '@nestjs/common';
import {
  type ActionPointsSettingsDto,
  ActionPointsSettingsSchema,
  DEFAULT_ACTION_POINTS_SETTINGS,
  type UpdateActionPointsSettingsRequest,
} from '@podium/contracts';
import { TransactionRunner, type Tx } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { ActionSettingsRepository } from './action-settings.repository';

/** What follows, subs, gifts, bits, raids, donations and streaks pay in a workspace. */
@Injectable()
export class ActionSettingsService {
  private readonly logger = new Logger(ActionSettingsService.name);

  constructor(
    private readonly settings: ActionSettingsRepository,
    private readonly access: WorkspaceAccess,
    private readonly tx: TransactionRunner,
  ) {}

  async get(actor: Actor, workspaceId: string): Promise<ActionPointsSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.forWorkspace(workspaceId);
  }

  async update(
    actor: Actor,
    workspaceId: string,
    request: UpdateActionPointsSettingsRequest,
  ): Promise<ActionPointsSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.tx.run(async (tx) => {
      // The row is read and written in one transaction; two saves at once both land, the later wins.
      const next: ActionPointsSettingsDto = { ...(await this.read(tx, workspaceId)), ...request };
      await this.settings.save(tx, workspaceId, next);
      return next;
    });
  }

  /** The settings in force, for the handlers (defaults until an organizer saves). */
  forWorkspace(workspaceId: string, tx: Tx = this.tx.none): Promise<ActionPointsSettingsDto> {
    return this.read(tx, workspaceId);
  }

  private async read(tx: Tx, workspaceId: string): Promise<ActionPointsSettingsDto> {
    const stored = await this.settings.find(tx, workspaceId);
    if (stored === null) return DEFAULT_ACTION_POINTS_SETTINGS;
    // Fields added later take their default; a document that no longer validates falls back whole.
    const parsed = ActionPointsSettingsSchema.safeParse({
      ...DEFAULT_ACTION_POINTS_SETTINGS,
      ...(stored as object),
    });
    if (parsed.success) return parsed.data;
    this.logger.warn(
      { workspaceId, issues: parsed.error.issues },
      'stored action-points settings are invalid',
    );
    return DEFAULT_ACTION_POINTS_SETTINGS;
  }
}
