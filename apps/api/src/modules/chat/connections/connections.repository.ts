import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Platform } from '@podium/contracts';
import type { Repository } from 'typeorm';
import type { Tx } from '../../../database/transaction';
import { ConnectionEntity } from './connection.entity';

export type ConnectionWrite = Partial<
  Pick<
    ConnectionEntity,
    | 'accountName'
    | 'botAccountId'
    | 'botAccountName'
    | 'status'
    | 'statusDetail'
    | 'credentials'
    | 'botCredentials'
    | 'webhookKey'
  >
>;

@Injectable()
export class ConnectionsRepository {
  constructor(@InjectRepository(ConnectionEntity) private readonly rows: Repository<ConnectionEntity>) {}

  /** Connecting the same channel again refreshes its row (new tokens) instead of adding one. */
  async upsert(
    key: Pick<ConnectionEntity, 'workspaceId' | 'platform' | 'accountId'>,
    values: ConnectionWrite,
  ): Promise<ConnectionEntity> {
    await this.rows
      .createQueryBuilder()
      .insert()
      .values({ ...key, status: 'connecting', state: {}, ...values })
      .orUpdate(Object.keys(snakeCased(values)), ['workspace_id', 'platform', 'account_id'])
      .execute();
    return this.rows.findOneByOrFail(key);
  }

  findById(id: string, tx?: Tx): Promise<ConnectionEntity | null> {
    return (tx?.getRepository(ConnectionEntity) ?? this.rows).findOneBy({ id });
  }

  findByWebhookKey(webhookKey: string): Promise<ConnectionEntity | null> {
    return this.rows.findOneBy({ webhookKey });
  }

  findByAccount(platform: Platform, accountId: string): Promise<ConnectionEntity[]> {
    return this.rows.findBy({ platform, accountId });
  }

  listForWorkspace(workspaceId: string): Promise<ConnectionEntity[]> {
    return this.rows.find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  listByPlatform(platform: Platform): Promise<ConnectionEntity[]> {
    return this.rows.find({ where: { platform }, order: { createdAt: 'ASC' } });
  }

  async update(id: string, values: ConnectionWrite): Promise<void> {
    await this.rows.update({ id }, values);
  }

  /** Merges into the adapter's state in one statement, so two writers of different keys both win. */
  async patchState(id: string, patch: Record<string, unknown>): Promise<void> {
    await this.rows.query(
      `UPDATE "platform_connections" SET "state" = "state" || $2::jsonb, "updated_at" = now() WHERE "id" = $1`,
      [id, JSON.stringify(patch)],
    );
  }

  async touchLastEvent(ids: string[], at: Date, tx: Tx): Promise<void> {
    await tx.query(
      `UPDATE "platform_connections" SET "last_event_at" = GREATEST(COALESCE("last_event_at", $2), $2)
       WHERE "id" = ANY($1::uuid[])`,
      [ids, at],
    );
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.rows.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}

const COLUMNS: Record<keyof ConnectionWrite, string> = {
  accountName: 'account_name',
  botAccountId: 'bot_account_id',
  botAccountName: 'bot_account_name',
  status: 'status',
  statusDetail: 'status_detail',
  credentials: 'credentials',
  botCredentials: 'bot_credentials',
  webhookKey: 'webhook_key',
};

function snakeCased(values: ConnectionWrite): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [COLUMNS[key as keyof ConnectionWrite], value]),
  );
}
