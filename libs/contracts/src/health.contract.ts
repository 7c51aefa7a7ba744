export type DependencyState = 'up' | 'down' | 'disabled';

export interface HealthDto {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  database: { state: DependencyState; mode: 'embedded' | 'postgres' };
  redis: { state: DependencyState };
  scheduler: { driver: 'in-process' | 'bullmq' };
}
