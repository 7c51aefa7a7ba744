import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DatabaseSettings } from './database-settings';
import { migrations } from './migrations';

/** Any fixed number: the key of the advisory lock that serializes migrations across replicas. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations before the app starts. With several replicas starting at once against
 * one PostgreSQL, an advisory lock makes the others wait for the first instead of racing it.
 */
export async function migrateDatabase(settings: DatabaseSettings): Promise<void> {
  const logger = new Logger('Database');
  const dataSource = await new DataSource({
    type: 'postgres',
    url: settings.url,
    ssl: false,
    migrations,
    extra: { max: 2 },
  }).initialize();
  const lock = settings.mode === 'postgres' ? dataSource.createQueryRunner() : undefined;
  try {
    await lock?.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.log(`migrations applied: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await lock?.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock?.release();
    await dataSource.destroy();
  }
}
