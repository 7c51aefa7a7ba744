import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createPodiumApp } from './bootstrap/create-app';
import { preferSmallHeap } from './bootstrap/small-heap';

/** Time left for Nest's hooks (jobs, database, Redis) once the drain is over. */
const SHUTDOWN_HOOKS_MS = 15_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (config.embeddedDatabase) preferSmallHeap();
  const { app, database, close } = await createPodiumApp(config);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.publicUrl ?? `http://localhost:${port}`;
  process.stdout.write(
    `Podium is running: open ${shown}\n` +
      `  database: ${database.mode === 'embedded' ? `embedded, data in ${config.dataDir}` : 'PostgreSQL'}` +
      `; jobs and broadcasts: ${config.redisUrl ? 'Redis' : 'in-process'}\n`,
  );
  // Signals are handled here rather than by Nest's enableShutdownHooks: close() drains first
  // (requests in flight, sockets sent to another replica) and stops the embedded database last.
  const stop = (signal: string) => {
    process.stdout.write(`${signal} received: draining, then shutting down\n`);
    // A close that hangs (a stuck hook) must not keep a replica half-alive: give up after a bound.
    setTimeout(() => {
      process.stderr.write('shutdown took too long: exiting\n');
      process.exit(1);
    }, config.shutdownDrainMs + SHUTDOWN_HOOKS_MS).unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Podium failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
