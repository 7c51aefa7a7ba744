import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeetingPhase } from '@podium/contracts';
import { In, IsNull, Not, type Repository } from 'typeorm';
import type { Tx } from '../../../database/transaction';
import { MeetingEntity } from '../meeting.entity';

/** What a transition writes on the meeting row (live_version moves on by itself). */
export interface LiveStatePatch {
  phase: MeetingPhase;
  currentQuestionId: string | null;
  questionOpenedAt: Date | null;
  questionClosesAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface ControlRow {
  controllerUserId: string | null;
  controllerClientId: string | null;
  controllerName: string | null;
}

/**
 * The live columns of meetings and questions. Plain SQL for the writes: a transition is not an
 * edit, so it must not touch `updated_at` (the editor shows it as "saved at").
 */
@Injectable()
export class LiveStateRepository {
  constructor(@InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>) {}

  get none(): Tx {
    return this.meetings.manager;
  }

  findById(id: string, tx: Tx = this.none): Promise<MeetingEntity | null> {
    return tx.findOneBy(MeetingEntity, { id });
  }

  /**
   * Takes the meeting row: `update` (FOR UPDATE) for transitions, `share` (FOR SHARE) for answers,
   * so answers run side by side but never interleave with a close.
   */
  lock(tx: Tx, id: string, mode: 'update' | 'share'): Promise<MeetingEntity | null> {
    return tx
      .createQueryBuilder(MeetingEntity, 'm')
      .setLock(mode === 'update' ? 'pessimistic_write' : 'pessimistic_read')
      .where('m.id = :id', { id })
      .getOne();
  }

  /** Writes a transition and returns the new live_version. */
  async saveTransition(tx: Tx, id: string, patch: LiveStatePatch): Promise<number> {
    const [rows] = (await tx.query(
      `UPDATE "meetings"
          SET "phase" = $2, "current_question_id" = $3, "question_opened_at" = $4,
              "question_closes_at" = $5, "started_at" = $6, "ended_at" = $7,
              "live_version" = "live_version" + 1
        WHERE "id" = $1
    RETURNING "live_version" AS "version"`,
      [
        id,
        patch.phase,
        patch.currentQuestionId,
        patch.questionOpenedAt,
        patch.questionClosesAt,
        patch.startedAt,
        patch.endedAt,
      ],
    )) as [{ version: number }[], number];
    const row = rows[0];
    if (!row) throw new Error(`meeting ${id} vanished while locked`);
    return row.version;
  }

  async markQuestionOpened(tx: Tx, questionId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE "meeting_questions" SET "opened_at" = $2 WHERE "id" = $1`, [questionId, at]);
  }

  async markQuestionClosed(tx: Tx, questionId: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE "meeting_questions" SET "closed_at" = $2 WHERE "id" = $1 AND "closed_at" IS NULL`,
      [questionId, at],
    );
  }

  /** Takes control when nobody holds it (or this very tab already does); false when someone else does. */
  async claimControl(meetingId: string, userId: string, clientId: string): Promise<boolean> {
    const [rows] = (await this.none.query(
      `UPDATE "meetings" SET "controller_user_id" = $2, "controller_client_id" = $3
        WHERE "id" = $1 AND ("controller_client_id" IS NULL OR "controller_client_id" = $3)
    RETURNING "id"`,
      [meetingId, userId, clientId],
    )) as [{ id: string }[], number];
    return rows.length > 0;
  }

  async setControl(meetingId: string, userId: string, clientId: string): Promise<void> {
    await this.none.query(
      `UPDATE "meetings" SET "controller_user_id" = $2, "controller_client_id" = $3 WHERE "id" = $1`,
      [meetingId, userId, clientId],
    );
  }

  /** Releases control if `clientId` still holds it; false when it had already moved on. */
  async releaseControl(meetingId: string, clientId: string): Promise<boolean> {
    const [rows] = (await this.none.query(
      `UPDATE "meetings" SET "controller_user_id" = NULL, "controller_client_id" = NULL
        WHERE "id" = $1 AND "controller_client_id" = $2
    RETURNING "id"`,
      [meetingId, clientId],
    )) as [{ id: string }[], number];
    return rows.length > 0;
  }

  async control(meetingId: string): Promise<ControlRow | null> {
    const rows = (await this.none.query(
      `SELECT m."controller_user_id" AS "controllerUserId", m."controller_client_id" AS "controllerClientId",
              u."display_name" AS "controllerName"
         FROM "meetings" AS m LEFT JOIN "users" AS u ON u."id" = m."controller_user_id"
        WHERE m."id" = $1`,
      [meetingId],
    )) as ControlRow[];
    return rows[0] ?? null;
  }

  /** The workspace's most recently started meeting that has not ended (what overlays call "live"). */
  findLive(workspaceId: string): Promise<MeetingEntity | null> {
    return this.meetings.findOne({
      where: { workspaceId, startedAt: Not(IsNull()), endedAt: IsNull() },
      order: { startedAt: 'DESC', id: 'ASC' },
    });
  }

  /** The workspace's stream (or both) meetings with a question open, for chat answers. */
  listOpenOnStream(workspaceId: string): Promise<MeetingEntity[]> {
    return this.meetings.find({
      where: { workspaceId, phase: 'question_open', kind: In(['stream', 'both']) },
    });
  }

  /** Meetings whose open question has a running timer (to re-arm the timers at start). */
  listOpenTimed(): Promise<MeetingEntity[]> {
    return this.meetings.find({ where: { phase: 'question_open', questionClosesAt: Not(IsNull()) } });
  }
}
