import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseSettings } from './database-settings';
import { TransactionRunner } from './transaction';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * TypeORM on PostgreSQL (real or embedded); migrations were applied before the app started. The
 * pool replaces connections a restart terminated, so the app recovers without being restarted.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [DatabaseSettings],
      useFactory: (settings: DatabaseSettings) => ({
        type: 'postgres' as const,
        url: settings.url,
        ssl: false,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        extra: {
          max: settings.poolSize,
          // A server that does not answer at all (network gone, host frozen) fails a request with
          // 503 after this instead of holding it forever; a stopped one refuses at once. The
          // embedded server is in this process: its single connection is waited for, not timed.
          ...(settings.mode === 'postgres'
            ? { connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true }
            : {}),
        },
        logging: ['error' as const],
      }),
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
