import { Injectable } from '@nestjs/common';
import type { HealthDto } from '@podium/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { PODIUM_VERSION } from '../../config/version';
import { RedisService } from '../redis/redis.service';
import { JobScheduler } from '../scheduler/job-scheduler';

const startedAt = Date.now();

@Injectable()
export class HealthService {
  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly scheduler: JobScheduler,
  ) {}

  async check(): Promise<HealthDto> {
    const [databaseUp, redisUp] = await Promise.all([this.databaseAnswers(), this.redis.ping()]);
    const redisState = this.redis.enabled ? (redisUp ? 'up' : 'down') : 'disabled';
    return {
      status: databaseUp && redisState !== 'down' ? 'ok' : 'degraded',
      version: PODIUM_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      database: {
        state: databaseUp ? 'up' : 'down',
        mode: this.config.embeddedDatabase ? 'embedded' : 'postgres',
      },
      redis: { state: redisState },
      scheduler: { driver: this.scheduler.driver },
    };
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.dataSource.query('select 1');
      return true;
    } catch {
      return false;
    }
  }
}
