import type { ParticipantPlatform } from '@podium/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Someone who joined a meeting with its code and a nickname; no account. */
@Entity({ name: 'attendees' })
export class AttendeeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ type: 'varchar', length: 32 })
  nickname!: string;

  /** The nickname folded for comparison: unique per meeting, so "Ana" and "ana" cannot both join. */
  @Column({ name: 'nickname_key', type: 'text' })
  nicknameKey!: string;

  /** Set for a stream viewer who joined by answering in chat: one attendee per viewer per meeting. */
  @Column({ name: 'viewer_id', type: 'uuid', nullable: true })
  viewerId!: string | null;

  /** The platform such a viewer first answered from (the scoreboard's badge). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  platform!: ParticipantPlatform | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;
}
