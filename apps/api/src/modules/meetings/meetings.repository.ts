import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MeetingChatSettings, MeetingKind, QuestionType } from '@podium/contracts';
import { In, Not, type Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { AttendeeEntity } from './attendees/attendee.entity';
import { FlagCaptureEntity } from './flags/flag-capture.entity';
import { AnswerEntity } from './live/answer.entity';
import { QaEntryEntity } from './live/qa-entry.entity';
import { MeetingEntity } from './meeting.entity';
import { QuestionEntity } from './question.entity';

export type MeetingFields = Pick<
  MeetingEntity,
  'workspaceId' | 'title' | 'description' | 'kind' | 'joinCode' | 'chatSettings'
>;

@Injectable()
export class MeetingsRepository {
  constructor(@InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>) {}

  /** The manager to read with outside a transaction. */
  get none(): Tx {
    return this.meetings.manager;
  }

  insert(tx: Tx, fields: MeetingFields): Promise<MeetingEntity> {
    return tx.save(tx.create(MeetingEntity, fields));
  }

  findById(id: string, tx: Tx = this.none): Promise<MeetingEntity | null> {
    return tx.findOneBy(MeetingEntity, { id });
  }

  findInWorkspace(workspaceId: string, id: string, tx: Tx = this.none): Promise<MeetingEntity | null> {
    return tx.findOneBy(MeetingEntity, { workspaceId, id });
  }

  findByJoinCode(joinCode: string, tx: Tx = this.none): Promise<MeetingEntity | null> {
    return tx.findOneBy(MeetingEntity, { joinCode });
  }

  /** Takes the meeting row FOR UPDATE: edits and live transitions on one meeting run one at a time. */
  lock(tx: Tx, workspaceId: string, id: string): Promise<MeetingEntity | null> {
    return tx
      .createQueryBuilder(MeetingEntity, 'm')
      .setLock('pessimistic_write')
      .where('m.id = :id AND m.workspace_id = :workspaceId', { id, workspaceId })
      .getOne();
  }

  /**
   * A meeting's numbers for its report: times, attendees, attendees who answered anything, and per
   * question (slides left out) how many attendees answered (Q&A: posted) and how many were correct.
   */
  async reportCounts(
    workspaceId: string,
    meetingId: string,
    tx: Tx = this.none,
  ): Promise<MeetingReportCounts | null> {
    const [meeting] = (await tx.query(
      `SELECT m."title", m."started_at", m."ended_at",
         (SELECT count(*)::int FROM "attendees" a WHERE a."meeting_id" = m."id") AS "attendees",
         (SELECT count(DISTINCT p."attendee_id")::int FROM (
            SELECT "attendee_id" FROM "answers" WHERE "meeting_id" = m."id"
            UNION SELECT "attendee_id" FROM "qa_entries" WHERE "meeting_id" = m."id") p) AS "participants"
       FROM "meetings" m WHERE m."id" = $1 AND m."workspace_id" = $2`,
      [meetingId, workspaceId],
    )) as {
      title: string;
      started_at: Date | null;
      ended_at: Date | null;
      attendees: number;
      participants: number;
    }[];
    if (!meeting) return null;
    const questions = (await tx.query(
      `SELECT q."id", q."position", q."type", q."title",
         CASE WHEN q."type" = 'qa'
           THEN (SELECT count(DISTINCT e."attendee_id")::int FROM "qa_entries" e WHERE e."question_id" = q."id")
           ELSE (SELECT count(*)::int FROM "answers" a WHERE a."question_id" = q."id") END AS "answers",
         (SELECT count(*)::int FROM "answers" a WHERE a."question_id" = q."id" AND a."correct") AS "correct"
       FROM "meeting_questions" q WHERE q."meeting_id" = $1 AND q."type" <> 'slide'
       ORDER BY q."position"`,
      [meetingId],
    )) as {
      id: string;
      position: number;
      type: QuestionType;
      title: string;
      answers: number;
      correct: number;
    }[];
    return {
      title: meeting.title,
      startedAt: meeting.started_at,
      endedAt: meeting.ended_at,
      attendees: meeting.attendees,
      participants: meeting.participants,
      questions: questions.map((q) => ({
        questionId: q.id,
        position: q.position,
        type: q.type,
        title: q.title,
        answers: q.answers,
        correct: q.correct,
        scored: q.type === 'quiz',
      })),
    };
  }

  /** Meetings between start and end: the ones whose attendees are in the room now. */
  async listRunningIds(workspaceId: string): Promise<string[]> {
    const rows = await this.meetings.find({
      select: { id: true },
      where: { workspaceId, phase: Not(In(['before', 'after'])) },
    });
    return rows.map((row) => row.id);
  }

  /** Newest first. */
  listByWorkspace(workspaceId: string): Promise<MeetingEntity[]> {
    return this.meetings.find({ where: { workspaceId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  async update(
    tx: Tx,
    id: string,
    patch: Partial<{
      title: string;
      description: string;
      kind: MeetingKind;
      joinCode: string;
      chatSettings: MeetingChatSettings;
    }>,
  ): Promise<void> {
    // Always touches updated_at, even for an empty patch, so "saved" shows a fresh time.
    await tx.update(MeetingEntity, { id }, { ...patch, updatedAt: new Date() });
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.meetings.delete({ workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Back to "before": every trace of a run goes (attendees take their answers, Q&A and captures
   * with them) and the version moves on so open clients see a gap and resync.
   */
  async resetLive(tx: Tx, id: string): Promise<void> {
    await tx.delete(AnswerEntity, { meetingId: id });
    await tx.delete(QaEntryEntity, { meetingId: id });
    await tx.delete(FlagCaptureEntity, { meetingId: id });
    await tx.delete(AttendeeEntity, { meetingId: id });
    await tx.update(QuestionEntity, { meetingId: id }, { openedAt: null, closedAt: null });
    await tx
      .createQueryBuilder()
      .update(MeetingEntity)
      .set({
        phase: 'before',
        currentQuestionId: null,
        questionOpenedAt: null,
        questionClosesAt: null,
        startedAt: null,
        endedAt: null,
        liveVersion: () => 'live_version + 1',
        updatedAt: () => 'now()',
      })
      .where('id = :id', { id })
      .execute();
  }
}

/** What a meeting report is computed from (see MeetingsRepository.reportCounts). */
export interface MeetingReportCounts {
  title: string;
  startedAt: Date | null;
  endedAt: Date | null;
  attendees: number;
  participants: number;
  questions: {
    questionId: string;
    position: number;
    type: QuestionType;
    title: string;
    answers: number;
    correct: number;
    /** Quizzes: the question has a right answer. */
    scored: boolean;
  }[];
}
