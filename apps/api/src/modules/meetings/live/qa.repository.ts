import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QaEntryDto } from '@podium/contracts';
import type { Repository } from 'typeorm';
import type { Tx } from '../../../database/transaction';
import { QaEntryEntity } from './qa-entry.entity';
import { QaUpvoteEntity } from './qa-upvote.entity';

export type QaFlags = Partial<Pick<QaEntryEntity, 'pinned' | 'answered' | 'hidden'>>;

interface QaEntryRow extends Omit<QaEntryDto, 'createdAt'> {
  createdAt: Date;
}

@Injectable()
export class QaRepository {
  constructor(@InjectRepository(QaEntryEntity) private readonly entries: Repository<QaEntryEntity>) {}

  get none(): Tx {
    return this.entries.manager;
  }

  async insertEntry(
    tx: Tx,
    entry: Pick<QaEntryEntity, 'meetingId' | 'questionId' | 'attendeeId' | 'text'>,
  ): Promise<string> {
    const saved = await tx.save(tx.create(QaEntryEntity, entry));
    return saved.id;
  }

  findEntry(meetingId: string, entryId: string, tx: Tx = this.none): Promise<QaEntryEntity | null> {
    return tx.findOneBy(QaEntryEntity, { meetingId, id: entryId });
  }

  /** The primary key makes a second upvote by the same attendee a no-op. */
  async upvote(entryId: string, attendeeId: string): Promise<void> {
    await this.none
      .createQueryBuilder()
      .insert()
      .into(QaUpvoteEntity)
      .values({ entryId, attendeeId })
      .orIgnore()
      .execute();
  }

  countUpvotes(entryId: string): Promise<number> {
    return this.none.countBy(QaUpvoteEntity, { entryId });
  }

  async moderate(entryId: string, flags: QaFlags): Promise<void> {
    if (Object.keys(flags).length > 0) await this.none.update(QaEntryEntity, { id: entryId }, flags);
  }

  /** Every entry of a Q&A question, hidden ones included, with upvote counts. */
  async listByQuestion(questionId: string, tx: Tx = this.none): Promise<QaEntryDto[]> {
    const rows = (await tx.query(
      `SELECT e."id", e."text", a."nickname" AS "authorNickname",
              (SELECT count(*)::int FROM "qa_upvotes" AS u WHERE u."entry_id" = e."id") AS "upvotes",
              e."pinned", e."answered", e."hidden", e."created_at" AS "createdAt"
         FROM "qa_entries" AS e JOIN "attendees" AS a ON a."id" = e."attendee_id"
        WHERE e."question_id" = $1`,
      [questionId],
    )) as QaEntryRow[];
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }

  /** Entries of the question this attendee upvoted. */
  async myUpvotes(questionId: string, attendeeId: string): Promise<string[]> {
    const rows = (await this.none.query(
      `SELECT u."entry_id" AS "entryId"
         FROM "qa_upvotes" AS u JOIN "qa_entries" AS e ON e."id" = u."entry_id"
        WHERE e."question_id" = $1 AND u."attendee_id" = $2
        ORDER BY u."created_at", u."entry_id"`,
      [questionId, attendeeId],
    )) as { entryId: string }[];
    return rows.map((row) => row.entryId);
  }
}
