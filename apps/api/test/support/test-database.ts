import { Client } from 'pg';
import { TEST_DATABASE_URL, databaseUrlFor, uniqueName } from './test-env';

/** A throwaway database on the real PostgreSQL: created empty, migrated by the app, dropped after. */
export class TestDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
  ) {}

  static async create(): Promise<TestDatabase> {
    const name = uniqueName('podium_it');
    await TestDatabase.admin(`CREATE DATABASE "${name}"`);
    return new TestDatabase(name, databaseUrlFor(name));
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async drop(): Promise<void> {
    await TestDatabase.admin(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
  }

  private static async admin(sql: string): Promise<void> {
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
