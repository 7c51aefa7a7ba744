import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A secret code hidden in a talk or a stream; attendees who type it earn its points. */
@Entity({ name: 'flags' })
export class FlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  /** null: valid in every meeting of the workspace. */
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId!: string | null;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** Normalized (`normalizeFlagCode`); unique per workspace. */
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'int' })
  points!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
