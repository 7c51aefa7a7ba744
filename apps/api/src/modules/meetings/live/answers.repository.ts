import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MyAnswerDto } from '@podium/contracts';
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
    return tx
      .createQueryBuilder(AnswerEntity, 'a')
      .where('a.question_id = :questionId AND a.attendee_id IN (:...attendeeIds)', {
        questionId,
        attendeeIds,
      })
      .orderBy('a.attendee_id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** The attendees whose row this inserted; one who already had one is left out (uq_answers_question_attendee). */
  async insertMany(tx: Tx, answers: readonly NewAnswer[]): Promise<Set<string>> {
    if (answers.length === 0) return new Set();
    // In attendee order, so two batches inserting the same attendees wait on each other, not deadlock.
    const sorted = [...answers].sort((a, b) =>
      a.attendeeId < b.attendeeId ? -1 : a.attendeeId > b.attendeeId ? 1 : 0,
    );
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(AnswerEntity)
      .values(sorted)
      .orIgnore()
      .returning('attendee_id')
      .execute();
    return new Set((result.raw as { attendee_id: string }[]).map((row) => row.attendee_id));
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

  listByQuestion(questionId: string, tx: Tx = this.none): Promise<AnswerEntity[]> {
    return tx.find(AnswerEntity, { where: { questionId }, order: { answeredAt: 'ASC', id: 'ASC' } });
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
