import type { MyAnswerDto } from '@podium/contracts';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One attendee's answer to one question (unique per pair); a changed answer updates the row. */
@Entity({ name: 'answers' })
export class AnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @Column({ name: 'attendee_id', type: 'uuid' })
  attendeeId!: string;

  @Column({ type: 'jsonb' })
  payload!: MyAnswerDto;

  /** Quizzes only; null for the other types. */
  @Column({ type: 'boolean', nullable: true })
  correct!: boolean | null;

  /** Quiz points, set when the question is closed and scored. */
  @Column({ type: 'int', default: 0 })
  points!: number;

  @Column({ name: 'answered_at', type: 'timestamptz', default: () => 'now()' })
  answeredAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
