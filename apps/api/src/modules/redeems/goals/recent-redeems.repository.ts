import { Injectable } from '@nestjs/common';
import { RECENT_REDEEMS_LIMIT, type RecentRedeemDto } from '@podium/contracts';
import type { Tx } from '../../../database/transaction';

interface RecentRow {
  id: string;
  workspace_id: string;
  reward_name: string;
  reward_type: string;
  display_name: string;
  spent: string;
  created_at: Date;
}

/** The latest redeems of a workspace for the recent-redeems overlay (refunded and rejected left out). */
@Injectable()
export class RecentRedeemsRepository {
  async latest(tx: Tx, workspaceId: string): Promise<RecentRedeemDto[]> {
    const rows = (await tx.query(
      `SELECT r."id", r."workspace_id", r."reward_name", r."reward_type", v."display_name", r."spent", r."created_at"
         FROM "redemptions" r JOIN "viewers" v ON v."id" = r."viewer_id"
        WHERE r."workspace_id" = $1 AND r."status" IN ('pending', 'fulfilled')
        ORDER BY r."created_at" DESC, r."id" DESC
        LIMIT $2`,
      [workspaceId, RECENT_REDEEMS_LIMIT],
    )) as RecentRow[];
    return rows.map((row) => ({
      redemptionId: row.id,
      workspaceId: row.workspace_id,
      rewardName: row.reward_name,
      rewardType: row.reward_type,
      viewerName: row.display_name,
      spent: Number(row.spent),
      createdAt: row.created_at.toISOString(),
    }));
  }
}
