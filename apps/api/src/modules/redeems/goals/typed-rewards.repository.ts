import { Injectable } from '@nestjs/common';
import type { RewardType } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

/** A reward row as goals, votes and specials read it: the type's config stays raw JSON until parsed. */
export interface TypedRewardRow {
  id: string;
  workspace_id: string;
  name: string;
  type: RewardType;
  enabled: boolean;
  /** `rewards.config`: `{ goal?, vote?, special? }` (special's secret sealed). */
  config: Record<string, unknown>;
}

/** Read-only access to the rewards a type handler needs (the rewards table belongs to redeems-core). */
@Injectable()
export class TypedRewardsRepository {
  async find(tx: Tx, workspaceId: string, rewardId: string): Promise<TypedRewardRow | null> {
    const rows = (await tx.query(
      `SELECT "id", "workspace_id", "name", "type", "enabled", "config" FROM "rewards"
        WHERE "workspace_id" = $1 AND "id" = $2`,
      [workspaceId, rewardId],
    )) as TypedRewardRow[];
    return rows[0] ?? null;
  }

  async findByName(tx: Tx, workspaceId: string, name: string): Promise<TypedRewardRow | null> {
    const rows = (await tx.query(
      `SELECT "id", "workspace_id", "name", "type", "enabled", "config" FROM "rewards"
        WHERE "workspace_id" = $1 AND "name" = lower($2)`,
      [workspaceId, name.trim()],
    )) as TypedRewardRow[];
    return rows[0] ?? null;
  }

  async listOfType(tx: Tx, workspaceId: string, type: RewardType): Promise<TypedRewardRow[]> {
    return (await tx.query(
      `SELECT "id", "workspace_id", "name", "type", "enabled", "config" FROM "rewards"
        WHERE "workspace_id" = $1 AND "type" = $2 ORDER BY "name"`,
      [workspaceId, type],
    )) as TypedRewardRow[];
  }
}
