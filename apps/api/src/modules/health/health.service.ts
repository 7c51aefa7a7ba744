import { Injectable, Logger } from '@nestjs/common';
import type { DependencyState, HealthDto, HealthPart } from '@podium/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { PODIUM_VERSION } from '../../config/version';
import { RedisService } from '../redis/redis.service';
import { JobScheduler } from '../scheduler/job-scheduler';

const startedAt = Date.now();
/** A dependency that has not answered within this is reported down: a probe must not hang. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

interface PartState {
  state: DependencyState;
  since: Date;
}

/**
 * Answers /api/health: each dependency's state and since when it has been in it. A change is
 * logged once, so an outage and its end show in the log without one line per probe.
 */
@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);
  private readonly parts = new Map<HealthPart, PartState>();

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly scheduler: JobScheduler,
  ) {}

  async check(): Promise<HealthDto> {
    const [databaseUp, redisUp] = await Promise.all([
      this.databaseAnswers(),
      this.redis.ping(HEALTH_CHECK_TIMEOUT_MS),
    ]);
    const database = this.observe('database', databaseUp ? 'up' : 'down');
    const redis = this.observe('redis', this.redis.enabled ? (redisUp ? 'up' : 'down') : 'disabled');
    const degraded: HealthPart[] = [];
    if (database.state === 'down') degraded.push('database');
    if (redis.state === 'down') degraded.push('redis');
    return {
      status: degraded.length === 0 ? 'ok' : 'degraded',
      degraded,
      version: PODIUM_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      database: {
        state: database.state,
        since: database.since.toISOString(),
        mode: this.config.embeddedDatabase ? 'embedded' : 'postgres',
      },
      redis: { state: redis.state, since: redis.since.toISOString() },
      scheduler: { driver: this.scheduler.driver },
    };
  }

  /** Records the state seen now; keeps `since` while it stays the same. */
  private observe(part: HealthPart, state: DependencyState): PartState {
    const known = this.parts.get(part);
    if (known?.state === state) return known;
    const next = { state, since: new Date() };
    this.parts.set(part, next);
    if (state === 'down') this.logger.warn({ part }, `${part} is down`);
    else if (known?.state === 'down') {
      const downForSeconds = Math.round((next.since.getTime() - known.since.getTime()) / 1000);
      this.logger.warn({ part, downForSeconds }, `${part} is back`);
    }
    return next;
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), HEALTH_CHECK_TIMEOUT_MS);
    });
    const answered = this.dataSource.query('select 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
