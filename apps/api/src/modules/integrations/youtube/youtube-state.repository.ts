import { Injectable } from '@nestjs/common';
import type { YoutubeQuotaUsage } from '@podium/chat';
import { DataSource } from 'typeorm';
import type { YoutubeState } from './youtube-state';

/**
 * The two writes to a YouTube connection's `state` that must not be read-modify-write: the poller,
 * the outbox and other replicas spend quota at the same time, and only one run may move the poll
 * chain on. ConnectionsService.patchState merges keys but cannot compare or add, hence these.
 */
@Injectable()
export class YoutubeStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds units to the count of `day` (starting it at 0 on a new day) and returns the new count. */
  async addQuota(connectionId: string, day: string, units: number): Promise<YoutubeQuotaUsage | null> {
    // One UPDATE: a concurrent one waits for the row and then adds to the count it left.
    const rows = (await this.dataSource.query(
      `WITH updated AS (
         UPDATE "platform_connections"
         SET "state" = "state" || jsonb_build_object('quota', jsonb_build_object(
               'day', $2::text,
               'used', (CASE WHEN "state"->'quota'->>'day' = $2::text
                             THEN COALESCE(("state"->'quota'->>'used')::int, 0) ELSE 0 END) + $3::int)),
             "updated_at" = now()
         WHERE "id" = $1
         RETURNING "state"->'quota' AS quota
       )
       SELECT quota FROM updated`,
      [connectionId, day, units],
    )) as { quota: YoutubeQuotaUsage }[];
    return rows[0]?.quota ?? null;
  }

  /**
   * Moves the poll chain from `fromStep` on, merging `patch` into the state, only if no one else
   * moved it first. False: another run (or a reconnect) owns the chain now.
   */
  async advance(connectionId: string, fromStep: number, patch: Partial<YoutubeState>): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `WITH updated AS (
         UPDATE "platform_connections"
         SET "state" = "state" || $3::jsonb, "updated_at" = now()
         WHERE "id" = $1 AND COALESCE(("state"->>'step')::int, 0) = $2::int
         RETURNING "id"
       )
       SELECT "id" FROM updated`,
      [connectionId, fromStep, JSON.stringify(patch)],
    )) as { id: string }[];
    return rows.length === 1;
  }
}
