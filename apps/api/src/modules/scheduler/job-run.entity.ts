import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type JobOutcome = 'running' | 'succeeded' | 'failed';

/** One executed run of a scheduled job, whichever process ran it. */
@Entity({ name: 'job_runs' })
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'job_name', type: 'varchar', length: 100 })
  jobName!: string;

  @Column({ name: 'run_key', type: 'varchar', length: 200 })
  runKey!: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 100 })
  instanceId!: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'running' })
  outcome!: JobOutcome;

  @Column({ type: 'varchar', length: 500, nullable: true })
  detail!: string | null;
}
