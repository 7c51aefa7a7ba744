import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { ApiExceptionFilter } from './common/errors/exception.filter';
import { DomainEvents } from './common/events/domain-events';
import { SchemaValidationPipe } from './common/http/validation.pipe';
import { AppConfig } from './config/app-config';
import { AppSecrets } from './config/secrets';
import { DatabaseModule } from './database/database.module';
import { DatabaseSettings } from './database/database-settings';
import { AccountModule } from './modules/account/account.module';
import { AuthModule } from './modules/auth/auth.module';
import { BackupModule } from './modules/backup/backup.module';
import { BotsModule } from './modules/bots/bots.module';
import { ChatModule } from './modules/chat/chat.module';
import { HealthModule } from './modules/health/health.module';
import { KofiModule } from './modules/integrations/kofi/kofi.module';
import { OwncastModule } from './modules/integrations/owncast/owncast.module';
import { TwitchModule } from './modules/integrations/twitch/twitch.module';
import { YoutubeModule } from './modules/integrations/youtube/youtube.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { MeetingsLiveModule } from './modules/meetings/live/meetings-live.module';
import { OverlaysModule } from './modules/overlays/overlays.module';
import { PanelModule } from './modules/panel/panel.module';
import { PointsModule } from './modules/points/points.module';
import { PublicApiModule } from './modules/public-api/public-api.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { RedeemsModule } from './modules/redeems/redeems.module';
import { ReportsModule } from './modules/reports/reports.module';
import { RedisModule } from './modules/redis/redis.module';
import { SchedulerModule } from './modules/scheduler/scheduler.module';
import { StaticModule } from './modules/static/static.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { WorkspacesModule } from './modules/workspaces/workspaces.module';

export interface AppModuleOptions {
  config: AppConfig;
  secrets: AppSecrets;
  database: DatabaseSettings;
  /** Where logs go instead of standard output (the tests collect them in files). */
  logDestination?: DestinationStream;
}

/** Process-wide values decided before Nest starts: configuration, secrets, where the database is. */
@Global()
@Module({})
class CoreModule {
  static register({ config, secrets, database }: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: AppSecrets, useValue: secrets },
        { provide: DatabaseSettings, useValue: database },
        DomainEvents,
      ],
      exports: [AppConfig, AppSecrets, DatabaseSettings, DomainEvents],
    };
  }
}

@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        LoggerModule.forRoot({
          pinoHttp: withDestination(options.logDestination, {
            level: config.logLevel,
            // requestLog writes `req` and `res` already reduced (requestForLog): pino-http's own
            // serializers, which expect Node's request and response, must not touch them.
            wrapSerializers: false,
            transport:
              config.nodeEnv === 'development'
                ? { target: 'pino-pretty', options: { singleLine: true } }
                : undefined,
          }),
          // Requests are logged by Podium's own middleware (requestLog, mounted in create-app), not
          // by a pino-http middleware per request; this module gives Nest's logger the root logger.
          useExisting: true,
          // Nor does any route need nestjs-pino's per-request logger store (nothing calls `assign`):
          // its AsyncLocalStorage run per request cost about 5 % of a redeem's CPU.
          forRoutes: [],
        }),
        DatabaseModule,
        RedisModule,
        SchedulerModule.forRoot(config),
        AuthModule,
        WorkspacesModule,
        AccountModule,
        OverlaysModule,
        MeetingsModule,
        MeetingsLiveModule,
        ChatModule,
        BotsModule,
        PointsModule,
        RedeemsModule,
        ReportsModule,
        PanelModule,
        KofiModule,
        PublicApiModule,
        WebhooksModule,
        BackupModule,
        OwncastModule,
        TwitchModule,
        YoutubeModule,
        RealtimeModule,
        HealthModule,
        StaticModule.register(config),
      ],
      providers: [
        { provide: APP_PIPE, useClass: SchemaValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}

type PinoHttpOptions = Exclude<Params['pinoHttp'], DestinationStream | unknown[] | undefined>;

function withDestination(
  destination: DestinationStream | undefined,
  options: PinoHttpOptions,
): Params['pinoHttp'] {
  return destination ? [options, destination] : options;
}
