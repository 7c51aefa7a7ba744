import type { MeetingChatSettings, MeetingKind, MeetingPhase } from '@podium/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A meeting of a workspace: its settings, its join code and the state of its live run. */
@Entity({ name: 'meetings' })
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'varchar', length: 2000, default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: MeetingKind;

  /** What stream chat does in the meeting (answers, announcements); see the migration's default. */
  @Column({ name: 'chat_settings', type: 'jsonb' })
  chatSettings!: MeetingChatSettings;

  @Column({ name: 'join_code', type: 'varchar', length: 16 })
  joinCode!: string;

  @Column({ type: 'varchar', length: 16, default: 'before' })
  phase!: MeetingPhase;

  @Column({ name: 'current_question_id', type: 'uuid', nullable: true })
  currentQuestionId!: string | null;

  @Column({ name: 'question_opened_at', type: 'timestamptz', nullable: true })
  questionOpenedAt!: Date | null;

  /** Set while a timed question is open; answers after it are refused. */
  @Column({ name: 'question_closes_at', type: 'timestamptz', nullable: true })
  questionClosesAt!: Date | null;

  /** +1 per live transition, in the transition's transaction: clients detect gaps with it. */
  @Column({ name: 'live_version', type: 'int', default: 0 })
  liveVersion!: number;

  @Column({ name: 'controller_user_id', type: 'uuid', nullable: true })
  controllerUserId!: string | null;

  @Column({ name: 'controller_client_id', type: 'varchar', length: 100, nullable: true })
  controllerClientId!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
