import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import { type JobOutcome, JobRunEntity } from './job-run.entity';

@Injectable()
export class JobRunsRepository {
  constructor(@InjectRepository(JobRunEntity) private readonly runs: Repository<JobRunEntity>) {}

  async start(jobName: string, runKey: string, instanceId: string): Promise<string> {
    const run = await this.runs.save(this.runs.create({ jobName, runKey, instanceId }));
    return run.id;
  }

  async finish(id: string, outcome: JobOutcome, detail: string | null): Promise<void> {
    await this.runs.update(
      { id },
      { outcome, detail: detail?.slice(0, 500) ?? null, finishedAt: new Date() },
    );
  }

  async purgeStartedBefore(cutoff: Date): Promise<number> {
    const result = await this.runs.delete({ startedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
