import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MyAnswerDto } from '@podium/contracts';
import type { ScoredQuizAnswer } from '@podium/questions';
import type { Repository } from 'typeorm';
import type { Tx } from '../../../database/transaction';
import { AnswerEntity } from './answer.entity';

export interface NewAnswer {
  meetingId: string;
  questionId: string;
  attendeeId: string;
  payload: MyAnswerDto;
  correct: boolean | null;
  answeredAt: Date;
}

/** Attendees who gave the same answer (and verdict). */
export interface AnswerGroup {
  payload: MyAnswerDto;
  correct: boolean | null;
  count: number;
}

@Injectable()
export class AnswersRepository {
  constructor(@InjectRepository(AnswerEntity) private readonly answers: Repository<AnswerEntity>) {}

  get none(): Tx {
    return this.answers.manager;
  }

  /** The attendee's answer; `lock` takes its row so two additions to one word list serialize. */
  findMine(tx: Tx, questionId: string, attendeeId: string, lock = false): Promise<AnswerEntity | null> {
    const query = tx
      .createQueryBuilder(AnswerEntity, 'a')
      .where('a.question_id = :questionId AND a.attendee_id = :attendeeId', { questionId, attendeeId });
    return (lock ? query.setLock('pessimistic_write') : query).getOne();
  }

  /** Several attendees' answers, their rows locked, in attendee order (so two batches lock alike). */
  findManyMine(tx: Tx, questionId: string, attendeeIds: readonly string[]): Promise<AnswerEntity[]> {
    if (attendeeIds.length === 0) return Promise.resolve([]);
    return (
      tx
        .createQueryBuilder(AnswerEntity, 'a')
        // One array parameter, not one per attendee: a batch is up to 500.
        .where('a.question_id = :questionId AND a.attendee_id = ANY(:attendeeIds::uuid[])', {
          questionId,
          attendeeIds,
        })
        .orderBy('a.attendee_id')
        .setLock('pessimistic_write')
        .getMany()
    );
  }

  /** The attendees whose row this inserted; one who already had one is left out (uq_answers_question_attendee). */
  async insertMany(tx: Tx, answers: readonly NewAnswer[]): Promise<Set<string>> {
    if (answers.length === 0) return new Set();
    // In attendee order, so two batches inserting the same attendees wait on each other, not deadlock.
    const sorted = [...answers].sort((a, b) =>
      a.attendeeId < b.attendeeId ? -1 : a.attendeeId > b.attendeeId ? 1 : 0,
    );
    // One array per column, unnested by PostgreSQL: building a 500-row VALUES list through the
    // query builder cost the api more CPU than the insert cost the database.
    const rows = (await tx.query(
      `INSERT INTO "answers" ("meeting_id", "question_id", "attendee_id", "payload", "correct", "answered_at")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[], $5::boolean[], $6::timestamptz[])
       ON CONFLICT DO NOTHING
       RETURNING "attendee_id"`,
      [
        sorted.map((a) => a.meetingId),
        sorted.map((a) => a.questionId),
        sorted.map((a) => a.attendeeId),
        sorted.map((a) => JSON.stringify(a.payload)),
        sorted.map((a) => a.correct),
        sorted.map((a) => a.answeredAt.toISOString()),
      ],
    )) as { attendee_id: string }[];
    return new Set(rows.map((row) => row.attendee_id));
  }

  /** False when the attendee already has a row: uq_answers_question_attendee is the real guard. */
  async insert(tx: Tx, answer: NewAnswer): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(AnswerEntity)
      .values(answer)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).length > 0;
  }

  async update(
    tx: Tx,
    id: string,
    change: Pick<NewAnswer, 'payload' | 'correct' | 'answeredAt'>,
  ): Promise<void> {
    await tx.update(AnswerEntity, { id }, change);
  }

  /**
   * The question's answers grouped by what was answered, with how many attendees gave each: all
   * that results need, counted by PostgreSQL instead of shipping every row (a poll of 20,000
   * answers comes back as a handful of groups).
   */
  tally(questionId: string, tx: Tx = this.none): Promise<AnswerGroup[]> {
    return tx.query(
      `SELECT "payload", "correct", count(*)::int AS "count"
         FROM "answers" WHERE "question_id" = $1
        GROUP BY "payload", "correct"`,
      [questionId],
    ) as Promise<AnswerGroup[]>;
  }

  /**
   * What scoring a quiz reads of each answer: who, whether right, when. Three columns, not the
   * entities: closing a quiz of 20,000 answers built (and parsed the payload of) every one.
   */
  forScoring(questionId: string, tx: Tx): Promise<ScoredQuizAnswer[]> {
    return tx.query(
      `SELECT "attendee_id" AS "attendeeId", "correct", "answered_at" AS "answeredAt"
         FROM "answers" WHERE "question_id" = $1`,
      [questionId],
    ) as Promise<ScoredQuizAnswer[]>;
  }

  /** Stores a quiz's scores; every answering attendee is in `points`. */
  async setPoints(tx: Tx, questionId: string, points: ReadonlyMap<string, number>): Promise<void> {
    if (points.size === 0) return;
    await tx.query(
      `UPDATE "answers" AS a SET "points" = p.points
         FROM unnest($2::uuid[], $3::int[]) AS p(attendee_id, points)
        WHERE a."question_id" = $1 AND a."attendee_id" = p.attendee_id`,
      [questionId, [...points.keys()], [...points.values()]],
    );
  }
}
