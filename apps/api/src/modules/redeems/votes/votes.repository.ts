import { Injectable } from '@nestjs/common';
import type { BallotSum } from '@podium/redeems';
import type { Tx } from '../../../database/transaction';
import { type UpdateResult, firstRow } from '../goals/goals.repository';

export interface VoteRoundRow {
  reward_id: string;
  workspace_id: string;
  round: number;
  closed_at: Date | null;
  version: string;
  updated_at: Date;
}

@Injectable()
export class VotesRepository {
  async ensure(tx: Tx, workspaceId: string, rewardId: string): Promise<void> {
    await tx.query(
      `INSERT INTO "vote_rounds" ("reward_id", "workspace_id") VALUES ($1, $2)
       ON CONFLICT ("reward_id") DO NOTHING`,
      [rewardId, workspaceId],
    );
  }

  /**
   * The round a ballot goes into, share-locked: ballots run side by side, while a close or reset
   * (an UPDATE of the row) waits for them and they wait for it. A ballot never lands in a closed
   * or an old round.
   */
  async lockForBallot(tx: Tx, rewardId: string): Promise<VoteRoundRow | null> {
    const rows = (await tx.query(`SELECT * FROM "vote_rounds" WHERE "reward_id" = $1 FOR SHARE`, [
      rewardId,
    ])) as VoteRoundRow[];
    return rows[0] ?? null;
  }

  async insertBallot(
    tx: Tx,
    ballot: {
      workspaceId: string;
      rewardId: string;
      round: number;
      redemptionId: string;
      viewerId: string;
      optionId: string;
      votes: number;
      points: number;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO "vote_ballots" ("workspace_id", "reward_id", "round", "redemption_id", "viewer_id", "option_id", "votes", "points")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        ballot.workspaceId,
        ballot.rewardId,
        ballot.round,
        ballot.redemptionId,
        ballot.viewerId,
        ballot.optionId,
        ballot.votes,
        ballot.points,
      ],
    );
  }

  async rounds(tx: Tx, workspaceId: string, rewardIds: readonly string[]): Promise<VoteRoundRow[]> {
    if (rewardIds.length === 0) return [];
    return (await tx.query(
      `SELECT * FROM "vote_rounds" WHERE "workspace_id" = $1 AND "reward_id" = ANY($2::uuid[])`,
      [workspaceId, rewardIds],
    )) as VoteRoundRow[];
  }

  /** Sums per option of each vote's current round (one aggregate, however many ballots). */
  async sums(
    tx: Tx,
    workspaceId: string,
    rewardIds: readonly string[],
  ): Promise<{ sums: Map<string, BallotSum[]>; voters: Map<string, number> }> {
    const sums = new Map<string, BallotSum[]>();
    const voters = new Map<string, number>();
    if (rewardIds.length === 0) return { sums, voters };
    const rows = (await tx.query(
      `SELECT b."reward_id", b."option_id", sum(b."votes")::bigint AS "votes", sum(b."points")::bigint AS "points"
         FROM "vote_ballots" b
         JOIN "vote_rounds" r ON r."reward_id" = b."reward_id" AND r."round" = b."round"
        WHERE b."workspace_id" = $1 AND b."reward_id" = ANY($2::uuid[])
        GROUP BY b."reward_id", b."option_id"`,
      [workspaceId, rewardIds],
    )) as { reward_id: string; option_id: string; votes: string; points: string }[];
    for (const row of rows) {
      const list = sums.get(row.reward_id) ?? [];
      list.push({ optionId: row.option_id, votes: Number(row.votes), points: Number(row.points) });
      sums.set(row.reward_id, list);
    }
    const counts = (await tx.query(
      `SELECT b."reward_id", count(DISTINCT b."viewer_id")::int AS "voters"
         FROM "vote_ballots" b
         JOIN "vote_rounds" r ON r."reward_id" = b."reward_id" AND r."round" = b."round"
        WHERE b."workspace_id" = $1 AND b."reward_id" = ANY($2::uuid[])
        GROUP BY b."reward_id"`,
      [workspaceId, rewardIds],
    )) as { reward_id: string; voters: number }[];
    for (const row of counts) voters.set(row.reward_id, row.voters);
    return { sums, voters };
  }

  /** Closes (`closed` true) or reopens the current round. Null when it already was. */
  async setClosed(tx: Tx, rewardId: string, closed: boolean): Promise<VoteRoundRow | null> {
    const rows = (await tx.query(
      `UPDATE "vote_rounds"
          SET "closed_at" = CASE WHEN $2::boolean THEN now() ELSE NULL END,
              "version" = "version" + 1, "updated_at" = now()
        WHERE "reward_id" = $1 AND ("closed_at" IS NULL) = $2::boolean
        RETURNING *`,
      [rewardId, closed],
    )) as UpdateResult<VoteRoundRow>;
    return firstRow(rows);
  }

  /** A new, open round: the tally starts from zero (ballots of old rounds stay as history). */
  async reset(tx: Tx, rewardId: string): Promise<VoteRoundRow | null> {
    const rows = (await tx.query(
      `UPDATE "vote_rounds"
          SET "round" = "round" + 1, "closed_at" = NULL, "version" = "version" + 1, "updated_at" = now()
        WHERE "reward_id" = $1
        RETURNING *`,
      [rewardId],
    )) as UpdateResult<VoteRoundRow>;
    return firstRow(rows);
  }
}
