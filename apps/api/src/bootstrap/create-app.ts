import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import { loadSecrets } from '../config/secrets';
import { DatabaseSettings } from '../database/database-settings';
import { EMBEDDED_POOL_SIZE, EmbeddedPostgres } from '../database/embedded-postgres';
import { migrateDatabase } from '../database/migrate';
import { requestLog } from '../common/http/request-logging';
import { securityHeaders } from '../common/http/security-headers';
import { TwitchEventSub } from '../modules/integrations/twitch/eventsub/twitch-eventsub.service';
import { RealtimeGateway } from '../modules/realtime/realtime.gateway';
import { PodiumIoAdapter } from '../modules/realtime/redis-io.adapter';
import { InFlightRequests, stopListening } from './http-drain';
import { setUpOpenApi } from './openapi';

/** Drained sockets reconnect within this window, so the replicas left are not hit all at once. */
const SOCKET_RECONNECT_SPREAD_MS = 1_000;
/** Past the 60 s nginx (docker/) and AWS balancers reuse an idle connection: else requests race its close. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface PodiumApp {
  app: NestExpressApplication;
  database: DatabaseSettings;
  /**
   * Drains (stops listening, sends sockets to another replica, lets requests in flight finish for
   * up to `SHUTDOWN_DRAIN_MS`), then stops the app, then the embedded database if there is one.
   */
  close(): Promise<void>;
}

/**
 * Builds the whole Podium server for a configuration: the database (embedded or not) migrated,
 * the Nest app with its adapters, pipes and docs. Used by `main.ts` and by the tests alike.
 */
export async function createPodiumApp(
  config: AppConfig,
  options: { bufferLogs?: boolean; silent?: boolean; logDestination?: DestinationStream } = {},
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
      AppModule.register({ config, secrets, database, logDestination: options.logDestination }),
      {
        bufferLogs: options.bufferLogs ?? true,
        bodyParser: false,
        // Keeps req.rawBody next to the parsed JSON: webhook signatures cover the exact bytes.
        rawBody: true,
        ...(options.silent ? { logger: false } : {}),
      },
    );
    if (!options.silent) app.useLogger(app.get(Logger));
    app.getHttpServer().keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    // Outside a request, nestjs-pino's logger is the root pino logger (the one pino-http options make).
    app.use(requestLog((await app.resolve(PinoLogger)).logger));
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
    const inFlight = new InFlightRequests(app.getHttpServer());
    let closed = false;
    return {
      app,
      database,
      close: async () => {
        if (closed) return;
        closed = true;
        await drain(app, inFlight, config.shutdownDrainMs);
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop().catch((stopError: unknown) => new NestLogger('Database').warn(String(stopError)));
    throw error;
  }
}

/**
 * Before Nest's own close, which runs the destroy hooks (database, Redis) first and closes the HTTP
 * server last: requests still running would fail half-way, and sockets would hang until then.
 */
async function drain(app: NestExpressApplication, inFlight: InFlightRequests, timeoutMs: number) {
  const logger = new NestLogger('Shutdown');
  stopListening(app.getHttpServer());
  // The socket server exists once the app is initialised; a test may close it before.
  const gateway = app.get(RealtimeGateway, { strict: false });
  const sockets = gateway.server ? gateway.drain(SOCKET_RECONNECT_SPREAD_MS) : 0;
  const requests = inFlight.count;
  const drained = await inFlight.drain(timeoutMs);
  if (drained) logger.log({ sockets, requests }, 'drained');
  else logger.warn({ sockets, requests, left: inFlight.count, timeoutMs }, 'drain timed out; closing anyway');
}
