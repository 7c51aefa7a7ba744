import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Client } from 'pg';

/** Connections the embedded server accepts: the pool, the migration run and the readiness probe. */
export const EMBEDDED_MAX_CONNECTIONS = 8;

/**
 * The app's pool on the embedded server: one connection. The server runs a single session and
 * queues each protocol message on its own; outside a transaction it interleaves connections, so
 * another connection's transaction can replace a statement between its Parse and its Bind
 * ("portal does not exist", "bind message supplies 2 parameters…"). One connection keeps every
 * query whole; throughput is the same, since the session runs one statement at a time anyway.
 */
export const EMBEDDED_POOL_SIZE = 1;

/**
 * PostgreSQL's shared memory lives in the api's own memory here, all of it touched at start.
 * The default 128 MB of shared buffers: 8 MB (1,024 pages) holds a small install's working set,
 * and a miss costs a read from the OS page cache, not the disk; 16 MB cost ~8 MB more idle RSS.
 * PGlite runs one backend: the tables sized for 100 connections and 10 WAL senders and slots are
 * 4 MB of the rest; 20 connections still leave ~1,500 lock slots for a migration. Appended to
 * PGlite's own start parameters, which it otherwise replaces.
 */
const EMBEDDED_SETTINGS = [
  ...['-c', 'shared_buffers=8MB'],
  ...['-c', 'max_connections=20'],
  ...['-c', 'max_wal_senders=0'],
  ...['-c', 'max_replication_slots=0'],
];

/**
 * PostgreSQL's WASM runs on V8's baseline compiler only. The optimising tier spends ~1 s of CPU
 * compiling in the first minute and keeps ~65 MB of code resident; on a small install's queries
 * (a row or a few read or written) the baseline code answers as fast, and a large aggregate takes
 * ~1.7x the CPU. Set before PGlite compiles its module; it applies to WASM compiled after it.
 */
const WASM_BASELINE_ONLY = '--liftoff-only';

/**
 * PostgreSQL compiled to WASM, persisted under DATA_DIR and served on a loopback port so the
 * ordinary `pg` driver (and so the same TypeORM entities and migrations) works unchanged.
 */
export class EmbeddedPostgres {
  private readonly logger = new Logger(EmbeddedPostgres.name);

  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const dir = join(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    setFlagsFromString(WASM_BASELINE_ONLY);
    const db = await PGlite.create(dir, {
      startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS],
    });
    const server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: 0,
      maxConnections: EMBEDDED_MAX_CONNECTIONS,
    });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    const embedded = new EmbeddedPostgres(db, server, url);
    await embedded.waitUntilAnswering();
    return embedded;
  }

  /** The first connection after start can drop: retry a trivial query a few times. */
  private async waitUntilAnswering(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const client = new Client({ connectionString: this.url, ssl: false });
      try {
        await client.connect();
        await client.query('select 1');
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        this.logger.debug(`embedded database not answering yet (attempt ${attempt})`);
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
