import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseSettings } from './database-settings';
import { TransactionRunner } from './transaction';

/** TypeORM on PostgreSQL (real or embedded); migrations were applied before the app started. */
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
        extra: { max: settings.poolSize },
        logging: ['error' as const],
      }),
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
