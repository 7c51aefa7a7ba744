import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../../database/transaction';

/** The `integration_secrets` table: install-wide generated secrets, sealed, first writer wins. */
@Injectable()
export class IntegrationSecretsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** Stores `sealed` under `name` unless a value is already there, then returns the stored one. */
  async keepFirst(name: string, sealed: string): Promise<string> {
    await this.tx.none.query(
      `INSERT INTO "integration_secrets" ("name", "value") VALUES ($1, $2) ON CONFLICT ("name") DO NOTHING`,
      [name, sealed],
    );
    const rows = (await this.tx.none.query(`SELECT "value" FROM "integration_secrets" WHERE "name" = $1`, [
      name,
    ])) as { value: string }[];
    const [row] = rows;
    if (!row) throw new Error(`integration secret ${name} could not be stored`);
    return row.value;
  }
}
