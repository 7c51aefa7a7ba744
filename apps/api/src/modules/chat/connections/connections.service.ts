import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionDto, ConnectionStatus, Platform } from '@podium/contracts';
import { SecretBox } from '../../../common/crypto/secret-box';
import { DomainEvents } from '../../../common/events/domain-events';
import type { Actor } from '../../auth/auth.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { ChatErrorCode, ChatException } from '../chat.exception';
import type { ConnectionRecord } from '../platform-adapter';
import { PlatformAdapters } from '../platform-adapters';
import type { ConnectionEntity } from './connection.entity';
import { ConnectionsRepository } from './connections.repository';

export interface ConnectInput<TCredentials> {
  workspaceId: string;
  platform: Platform;
  accountId: string;
  accountName: string | null;
  credentials?: TCredentials | null;
  botAccountId?: string | null;
  botAccountName?: string | null;
  botCredentials?: TCredentials | null;
  /** Give the connection an unguessable webhook path (kept when the channel is connected again). */
  withWebhookKey?: boolean;
}

/** Connections of a workspace: stored sealed, handed to adapters opened, shown to organizers as DTOs. */
@Injectable()
export class ConnectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConnectionsService.name);

  constructor(
    private readonly repository: ConnectionsRepository,
    private readonly box: SecretBox,
    private readonly adapters: PlatformAdapters,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
  ) {}

  /** Resumes every connection's listening (EventSub WebSocket, YouTube polling) after a start. */
  async onApplicationBootstrap(): Promise<void> {
    for (const adapter of this.adapters.all()) {
      if (!adapter.start) continue;
      for (const row of await this.repository.listByPlatform(adapter.platform)) {
        if (row.status === 'disconnected') continue;
        await this.startAdapter(this.toRecord(row));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const adapter of this.adapters.all()) {
      if (!adapter.stop) continue;
      for (const row of await this.repository.listByPlatform(adapter.platform).catch(() => [])) {
        await adapter.stop(this.toRecord(row)).catch((error: unknown) => this.logger.warn(String(error)));
      }
    }
  }

  /** Stores (or refreshes) a connection after an OAuth callback or a form, then starts listening. */
  async connect<T>(input: ConnectInput<T>): Promise<ConnectionRecord<T>> {
    const existing = (await this.repository.findByAccount(input.platform, input.accountId)).find(
      (row) => row.workspaceId === input.workspaceId,
    );
    const row = await this.repository.upsert(
      { workspaceId: input.workspaceId, platform: input.platform, accountId: input.accountId },
      {
        accountName: input.accountName,
        status: 'connecting',
        statusDetail: null,
        ...(input.credentials !== undefined
          ? { credentials: input.credentials === null ? null : this.box.sealJson(input.credentials) }
          : {}),
        ...(input.botCredentials !== undefined
          ? {
              botAccountId: input.botAccountId ?? null,
              botAccountName: input.botAccountName ?? null,
              botCredentials: input.botCredentials === null ? null : this.box.sealJson(input.botCredentials),
            }
          : {}),
        ...(input.withWebhookKey && !existing?.webhookKey
          ? { webhookKey: randomBytes(24).toString('base64url') }
          : {}),
      },
    );
    await this.startAdapter(this.toRecord(row));
    await this.announce(row.id);
    return (await this.record<T>(row.id)) ?? this.toRecord<T>(row);
  }

  /** The in-room chat is a connection like any other, created the first time a workspace needs it. */
  async ensureInroom(workspaceId: string): Promise<ConnectionRecord> {
    const [row] = (await this.repository.findByAccount('inroom', workspaceId)).filter(
      (candidate) => candidate.workspaceId === workspaceId,
    );
    if (row) return this.toRecord(row);
    const created = await this.repository.upsert(
      { workspaceId, platform: 'inroom', accountId: workspaceId },
      { accountName: 'In-room chat', status: 'connected' },
    );
    return this.toRecord(created);
  }

  async record<T = Record<string, unknown>>(id: string): Promise<ConnectionRecord<T> | null> {
    const row = await this.repository.findById(id);
    return row ? this.toRecord<T>(row) : null;
  }

  async byWebhookKey<T = Record<string, unknown>>(key: string): Promise<ConnectionRecord<T> | null> {
    const row = await this.repository.findByWebhookKey(key);
    return row ? this.toRecord<T>(row) : null;
  }

  /** Every workspace connected to this channel (a channel may be shared by several workspaces). */
  async byAccount<T = Record<string, unknown>>(
    platform: Platform,
    accountId: string,
  ): Promise<ConnectionRecord<T>[]> {
    return (await this.repository.findByAccount(platform, accountId)).map((row) => this.toRecord<T>(row));
  }

  /** The channel's connections that still listen, without opening their credentials. */
  async routesByAccount(
    platform: Platform,
    accountId: string,
  ): Promise<Pick<ConnectionRecord, 'id' | 'workspaceId' | 'platform'>[]> {
    return (await this.repository.findByAccount(platform, accountId))
      .filter((row) => row.status !== 'disconnected')
      .map((row) => ({ id: row.id, workspaceId: row.workspaceId, platform: row.platform }));
  }

  async forPlatform<T = Record<string, unknown>>(platform: Platform): Promise<ConnectionRecord<T>[]> {
    return (await this.repository.listByPlatform(platform)).map((row) => this.toRecord<T>(row));
  }

  async forWorkspace(workspaceId: string): Promise<ConnectionRecord[]> {
    return (await this.repository.listForWorkspace(workspaceId)).map((row) => this.toRecord(row));
  }

  async list(actor: Actor, workspaceId: string): Promise<ConnectionDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    await this.ensureInroom(workspaceId);
    return (await this.forWorkspace(workspaceId)).map((record) => this.toDto(record));
  }

  async get(actor: Actor, workspaceId: string, id: string): Promise<ConnectionDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.toDto(await this.requireInWorkspace(workspaceId, id));
  }

  /** Disconnect: the adapter revokes what it can, then the row and its events go. */
  async remove(actor: Actor, workspaceId: string, id: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'owner');
    const record = await this.requireInWorkspace(workspaceId, id);
    if (record.platform === 'inroom') {
      throw new ChatException(ChatErrorCode.PlatformRejected, 'The in-room chat cannot be disconnected');
    }
    const adapter = this.adapters.find(record.platform);
    await adapter?.stop?.(record).catch((error: unknown) => this.logger.warn(String(error)));
    await adapter
      ?.disconnect?.(record)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, connectionId: id }, 'revoking on disconnect failed'),
      );
    if (await this.repository.delete(id))
      this.events.publish('connection.removed', { workspaceId, connectionId: id });
  }

  async requireInWorkspace(workspaceId: string, id: string): Promise<ConnectionRecord> {
    const record = await this.record(id);
    if (!record || record.workspaceId !== workspaceId) {
      throw new ChatException(ChatErrorCode.ConnectionNotFound, 'No such connection in this workspace');
    }
    return record;
  }

  async setStatus(id: string, status: ConnectionStatus, detail: string | null = null): Promise<void> {
    await this.repository.update(id, { status, statusDetail: detail?.slice(0, 500) ?? null });
    await this.announce(id);
  }

  /** Stores refreshed tokens (twurple's onRefresh, Google's refresh) sealed. */
  async saveCredentials(id: string, which: 'broadcaster' | 'bot', credentials: unknown): Promise<void> {
    const sealed = this.box.sealJson(credentials);
    await this.repository.update(id, which === 'bot' ? { botCredentials: sealed } : { credentials: sealed });
  }

  async patchState(
    id: string,
    patch: Record<string, unknown>,
    options: { announce?: boolean } = {},
  ): Promise<void> {
    await this.repository.patchState(id, patch);
    if (options.announce !== false) await this.announce(id);
  }

  /** Pushes the connection's current DTO to its workspace's organizers. */
  async announce(id: string): Promise<void> {
    const record = await this.record(id);
    if (record) this.events.publish('connection.changed', { connection: this.toDto(record) });
  }

  toDto(record: ConnectionRecord): ConnectionDto {
    const view = this.adapters.find(record.platform)?.view(record);
    return {
      id: record.id,
      workspaceId: record.workspaceId,
      platform: record.platform,
      status: record.status,
      statusDetail: record.statusDetail,
      accountName: record.accountName,
      botAccountName: record.botAccountName,
      tokenExpiresAt: view?.tokenExpiresAt ?? null,
      transport: view?.transport ?? 'socket',
      subscriptions: view?.subscriptions ?? [],
      quota: view?.quota ?? null,
      webhookUrl: view?.webhookUrl ?? null,
      lastEventAt: record.lastEventAt?.toISOString() ?? null,
      createdAt: record.createdAt.toISOString(),
    };
  }

  private async startAdapter(record: ConnectionRecord): Promise<void> {
    const adapter = this.adapters.find(record.platform);
    if (!adapter?.start) return;
    try {
      await adapter.start(record);
    } catch (error) {
      this.logger.warn({ err: error, connectionId: record.id }, 'connection failed to start');
      await this.setStatus(
        record.id,
        'needs_attention',
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  private toRecord<T>(row: ConnectionEntity): ConnectionRecord<T> {
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      platform: row.platform,
      accountId: row.accountId,
      accountName: row.accountName,
      botAccountId: row.botAccountId,
      botAccountName: row.botAccountName,
      status: row.status,
      statusDetail: row.statusDetail,
      credentials: row.credentials ? this.box.openJson<T>(row.credentials) : null,
      botCredentials: row.botCredentials ? this.box.openJson<T>(row.botCredentials) : null,
      state: row.state,
      webhookKey: row.webhookKey,
      lastEventAt: row.lastEventAt,
      createdAt: row.createdAt,
    };
  }
}
