import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import { loadSecrets } from '../config/secrets';
import { DatabaseSettings } from '../database/database-settings';
import { EMBEDDED_POOL_SIZE, EmbeddedPostgres } from '../database/embedded-postgres';
import { migrateDatabase } from '../database/migrate';
import { securityHeaders } from '../common/http/security-headers';
import { TwitchEventSub } from '../modules/integrations/twitch/eventsub/twitch-eventsub.service';
import { PodiumIoAdapter } from '../modules/realtime/redis-io.adapter';
import { setUpOpenApi } from './openapi';

export interface PodiumApp {
  app: NestExpressApplication;
  database: DatabaseSettings;
  /** Stops the app, then the embedded database if there is one. */
  close(): Promise<void>;
}

/**
 * Builds the whole Podium server for a configuration: the database (embedded or not) migrated,
 * the Nest app with its adapters, pipes and docs. Used by `main.ts` and by the tests alike.
 */
export async function createPodiumApp(
  config: AppConfig,
  options: { bufferLogs?: boolean; silent?: boolean } = {},
): Promise<PodiumApp> {
  if (options.silent) NestLogger.overrideLogger(false);
  const secrets = loadSecrets(config);
  const embedded = config.embeddedDatabase ? await EmbeddedPostgres.start(config.dataDir) : undefined;
  const database = embedded
    ? new DatabaseSettings(embedded.url, 'embedded', EMBEDDED_POOL_SIZE)
    : new DatabaseSettings(config.databaseUrl ?? '', 'postgres', config.databasePoolSize);
  try {
    await migrateDatabase(database);
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.register({ config, secrets, database }),
      {
        bufferLogs: options.bufferLogs ?? true,
        bodyParser: false,
        // Keeps req.rawBody next to the parsed JSON: webhook signatures cover the exact bytes.
        rawBody: true,
        ...(options.silent ? { logger: false } : {}),
      },
    );
    if (!options.silent) app.useLogger(app.get(Logger));
    app.use(securityHeaders());
    // Twitch EventSub deliveries are verified over their exact bytes: they go before the JSON parser.
    app.use(app.get(TwitchEventSub).router);
    app.useBodyParser('json', { limit: '256kb' });
    app.use(cookieParser());
    app.set('trust proxy', 'loopback, linklocal, uniquelocal');
    app.disable('x-powered-by');
    app.setGlobalPrefix('api');
    app.useWebSocketAdapter(new PodiumIoAdapter(app));
    setUpOpenApi(app);
    let closed = false;
    return {
      app,
      database,
      close: async () => {
        if (closed) return;
        closed = true;
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop().catch((stopError: unknown) => new NestLogger('Database').warn(String(stopError)));
    throw error;
  }
}
