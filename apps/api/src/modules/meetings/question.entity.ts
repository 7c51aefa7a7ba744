import type { QuestionConfig, QuestionType } from '@podium/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A question's settings as stored: everything of its validated input but `type` and `title`. */
export type QuestionSettings = SettingsOf<QuestionConfig>;
type SettingsOf<C> = C extends unknown ? Omit<C, 'type' | 'title'> : never;

@Entity({ name: 'meeting_questions' })
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  /** 0-based; unique per meeting (checked at commit, so a reorder may pass through duplicates). */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 16 })
  type!: QuestionType;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  /** Read it through `questionConfigOf` (meetings.mapper), which pairs it with `type`. */
  @Column({ type: 'jsonb' })
  config!: QuestionSettings;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  /** Set when a live run closes the question: its answers are then locked and scored. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
