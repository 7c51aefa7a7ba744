import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QuestionConfig } from '@podium/contracts';
import { In, type Repository } from 'typeorm';
import type { Tx } from '../../database/transaction';
import { settingsOf } from './meetings.mapper';
import { QuestionEntity } from './question.entity';

/** Questions of a meeting, kept at positions 0…n-1 by every write here. */
@Injectable()
export class QuestionsRepository {
  constructor(@InjectRepository(QuestionEntity) private readonly questions: Repository<QuestionEntity>) {}

  /** In order. */
  listByMeeting(meetingId: string, tx: Tx = this.questions.manager): Promise<QuestionEntity[]> {
    return tx.find(QuestionEntity, { where: { meetingId }, order: { position: 'ASC' } });
  }

  find(meetingId: string, id: string, tx: Tx = this.questions.manager): Promise<QuestionEntity | null> {
    return tx.findOneBy(QuestionEntity, { meetingId, id });
  }

  count(meetingId: string, tx: Tx = this.questions.manager): Promise<number> {
    return tx.countBy(QuestionEntity, { meetingId });
  }

  /** Question counts of several meetings (absent meetings have none). */
  async countByMeetings(meetingIds: string[]): Promise<Map<string, number>> {
    if (meetingIds.length === 0) return new Map();
    const rows = await this.questions
      .createQueryBuilder('q')
      .select('q.meeting_id', 'meetingId')
      .addSelect('count(*)::int', 'count')
      .where({ meetingId: In(meetingIds) })
      .groupBy('q.meeting_id')
      .getRawMany<{ meetingId: string; count: number }>();
    return new Map(rows.map((row) => [row.meetingId, row.count]));
  }

  /** Inserts `configs` at `position` and after, shifting the questions there down. */
  async insertAt(
    tx: Tx,
    meetingId: string,
    position: number,
    configs: QuestionConfig[],
  ): Promise<QuestionEntity[]> {
    if (configs.length === 0) return [];
    await this.shift(tx, meetingId, position, configs.length);
    const rows = configs.map((config, index) =>
      tx.create(QuestionEntity, {
        meetingId,
        position: position + index,
        type: config.type,
        title: config.title,
        config: settingsOf(config),
        openedAt: null,
        closedAt: null,
      }),
    );
    return tx.save(rows);
  }

  async replace(tx: Tx, id: string, config: QuestionConfig): Promise<void> {
    await tx.update(
      QuestionEntity,
      { id },
      { type: config.type, title: config.title, config: settingsOf(config) },
    );
  }

  async delete(tx: Tx, question: QuestionEntity): Promise<void> {
    await tx.delete(QuestionEntity, { id: question.id });
    await this.shift(tx, question.meetingId, question.position + 1, -1);
  }

  /** Sets positions to the order of `ids`, which the caller checked are exactly the meeting's. */
  async reorder(tx: Tx, meetingId: string, ids: string[]): Promise<void> {
    await tx.query(
      `UPDATE "meeting_questions" AS q SET "position" = o.ord - 1, "updated_at" = now()
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE q."id" = o.id AND q."meeting_id" = $1`,
      [meetingId, ids],
    );
  }

  /** Moves every question at `from` or later by `by` (positions are unique only at commit). */
  private async shift(tx: Tx, meetingId: string, from: number, by: number): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(QuestionEntity)
      .set({ position: () => `position + ${by}` })
      .where('meeting_id = :meetingId AND position >= :from', { meetingId, from })
      .execute();
  }
}
