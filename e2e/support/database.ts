import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const ADMIN_URL = process.env['PODIUM_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env['PODIUM_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function admin<T>(work: (client: Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database on the machine's PostgreSQL for one test file. */
export async function createDatabase(): Promise<{
  url: string;
  query: (sql: string) => Promise<Record<string, unknown>[]>;
  drop: () => Promise<void>;
}> {
  const name = `podium_e2e_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    query: (sql) =>
      admin(async (c) => (await c.query(sql)).rows as Record<string, unknown>[], url.toString()),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
