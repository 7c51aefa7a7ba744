import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A question an attendee asked under a Q&A question. */
@Entity({ name: 'qa_entries' })
export class QaEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @Column({ name: 'attendee_id', type: 'uuid' })
  attendeeId!: string;

  @Column({ type: 'varchar', length: 280 })
  text!: string;

  @Column({ type: 'boolean', default: false })
  pinned!: boolean;

  @Column({ type: 'boolean', default: false })
  answered!: boolean;

  @Column({ type: 'boolean', default: false })
  hidden!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
