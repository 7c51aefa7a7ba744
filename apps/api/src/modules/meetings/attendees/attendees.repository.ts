import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../../../database/transaction';
import { AttendeeEntity } from './attendee.entity';

/** Who an attendee token stands for. */
export interface AttendeeIdentity {
  attendeeId: string;
  meetingId: string;
  workspaceId: string;
  nickname: string;
}

@Injectable()
export class AttendeesRepository {
  constructor(@InjectRepository(AttendeeEntity) private readonly attendees: Repository<AttendeeEntity>) {}

  /**
   * Inserts the attendee; null when the nickname (by its key) is already taken in the meeting.
   * One statement: what a join answers with comes back from the insert (a join storm is thousands).
   */
  async insert(
    meetingId: string,
    nickname: string,
    nicknameKey: string,
    tx: Tx = this.attendees.manager,
  ): Promise<Pick<AttendeeEntity, 'id' | 'nickname'> | null> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(AttendeeEntity)
      .values({ meetingId, nickname, nicknameKey, lastSeenAt: new Date() })
      .orIgnore()
      .returning(['id', 'nickname'])
      .execute();
    return (result.raw as { id: string; nickname: string }[])[0] ?? null;
  }

  /**
   * Inserts a stream viewer as an attendee; null when the nickname is taken or the viewer is
   * already in the meeting (uq_attendees_meeting_viewer): tell them apart with findByViewer.
   */
  async insertViewer(
    tx: Tx,
    attendee: Pick<AttendeeEntity, 'meetingId' | 'nickname' | 'nicknameKey' | 'viewerId' | 'platform'>,
  ): Promise<string | null> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(AttendeeEntity)
      .values({ ...attendee, lastSeenAt: new Date() })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  /** The attendee a stream viewer became in this meeting, if any. */
  async findByViewer(tx: Tx, meetingId: string, viewerId: string): Promise<string | null> {
    const row = await tx.findOne(AttendeeEntity, { select: { id: true }, where: { meetingId, viewerId } });
    return row?.id ?? null;
  }

  findById(id: string, tx: Tx = this.attendees.manager): Promise<AttendeeEntity | null> {
    return tx.findOneBy(AttendeeEntity, { id });
  }

  /** Marks the attendee seen now, in one statement; null when they no longer exist. */
  async touch(id: string, now: Date): Promise<AttendeeIdentity | null> {
    const [rows] = (await this.attendees.query(
      `UPDATE "attendees" AS a SET "last_seen_at" = $2
         FROM "meetings" AS m
        WHERE a."id" = $1 AND m."id" = a."meeting_id"
    RETURNING a."id" AS "attendeeId", a."meeting_id" AS "meetingId", m."workspace_id" AS "workspaceId",
              a."nickname" AS "nickname"`,
      [id, now],
    )) as [AttendeeIdentity[], number];
    return rows[0] ?? null;
  }

  countByMeeting(meetingId: string, tx: Tx = this.attendees.manager): Promise<number> {
    return tx.countBy(AttendeeEntity, { meetingId });
  }
}
