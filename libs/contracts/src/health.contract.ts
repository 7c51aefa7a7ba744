export type DependencyState = 'up' | 'down' | 'disabled';

/** A dependency `/api/health` reports on, and names in `degraded` while it is down. */
export type HealthPart = 'database' | 'redis';

/**
 * `GET /api/health` (public): 200 with status `ok` when every dependency answers, 503 with status
 * `degraded` otherwise. `since` is when this process last saw the part change state.
 */
export interface HealthDto {
  status: 'ok' | 'degraded';
  /** The parts that are down now; empty when the status is `ok`. */
  degraded: HealthPart[];
  version: string;
  uptimeSeconds: number;
  database: { state: DependencyState; since: string; mode: 'embedded' | 'postgres' };
  redis: { state: DependencyState; since: string };
  scheduler: { driver: 'in-process' | 'bullmq' };
}
