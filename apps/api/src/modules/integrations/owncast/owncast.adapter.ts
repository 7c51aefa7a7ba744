import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ChatViewerIdentity } from '@podium/contracts';
import { normalizeOwncastClients, type OwncastPresentViewer } from '@podium/chat';
import { AppConfig } from '../../../config/app-config';
import { ChatErrorCode, ChatException } from '../../chat/chat.exception';
import { ConnectionsService } from '../../chat/connections/connections.service';
import type {
  ConnectionRecord,
  ConnectionView,
  ModerationOutcome,
  ModerationRequest,
  OutboundMessage,
  OutboxLimits,
  PlatformAdapter,
  SendOutcome,
} from '../../chat/platform-adapter';
import { PlatformAdapters } from '../../chat/platform-adapters';
import { OwncastApiClient, type OwncastChatEndpoint } from './owncast-api.client';
import type { OwncastCredentials } from './owncast-credentials';

/** Owncast has no documented limit for integrations; this keeps a bot from flooding a small chat. */
const LIMITS: OutboxLimits = { maxLength: 500, messages: 10, perMs: 10_000 };
const RETRY_AFTER_MS = 5_000;
export const OWNCAST_TOKEN_REFUSED =
  'Owncast refused the access token: create one in Owncast admin → Integrations → Access tokens';

/**
 * Owncast behind the PlatformAdapter interface: events arrive by webhook (OwncastWebhookService),
 * lines go out through the integrations API. The connection's account id is the instance URL.
 */
@Injectable()
export class OwncastAdapter implements PlatformAdapter, OnModuleInit {
  readonly platform = 'owncast' as const;
  private readonly logger = new Logger(OwncastAdapter.name);

  constructor(
    private readonly adapters: PlatformAdapters,
    private readonly api: OwncastApiClient,
    private readonly connections: ConnectionsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.adapters.register(this);
  }

  limits(): OutboxLimits {
    return LIMITS;
  }

  /**
   * The URL to paste into Owncast's admin (Integrations → Webhooks). A view has no request to take
   * an origin from, so it is PUBLIC_URL when set, else http://localhost:<PORT> (right for Owncast on
   * the same machine; anything else needs PUBLIC_URL).
   */
  view(connection: ConnectionRecord): ConnectionView {
    const base = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
    return {
      transport: 'webhook',
      subscriptions: [],
      quota: null,
      tokenExpiresAt: null,
      webhookUrl: connection.webhookKey ? `${base}/api/integrations/owncast/${connection.webhookKey}` : null,
    };
  }

  /** A chat line as the integration's bot user (scope CAN_SEND_MESSAGES). */
  send(connection: ConnectionRecord, message: OutboundMessage): Promise<SendOutcome> {
    return this.post(connection, 'send', message.text);
  }

  /** A message shown as from the server itself (scope CAN_SEND_SYSTEM_MESSAGES). */
  sendSystemMessage(connection: ConnectionRecord, text: string): Promise<SendOutcome> {
    return this.post(connection, 'system', text);
  }

  /** An action line ("PixelMoth redeemed …"), shown without a sender (scope CAN_SEND_SYSTEM_MESSAGES). */
  sendAction(connection: ConnectionRecord, text: string): Promise<SendOutcome> {
    return this.post(connection, 'action', text);
  }

  /** Who is in the chat now, one entry per viewer (scope HAS_ADMIN_ACCESS). */
  async connectedViewers(connection: ConnectionRecord): Promise<OwncastPresentViewer[]> {
    const result = await this.api.listClients(connection.accountId, credentialsOf(connection).accessToken);
    switch (result.kind) {
      case 'ok': {
        const clients = normalizeOwncastClients(result.body);
        if (!clients.ok)
          throw new ChatException(
            ChatErrorCode.PlatformRejected,
            `Owncast's client list: ${clients.message}`,
          );
        return clients.viewers;
      }
      case 'unauthorized':
        await this.tokenRefused(connection);
        throw new ChatException(ChatErrorCode.PlatformRejected, OWNCAST_TOKEN_REFUSED);
      case 'rejected':
        throw new ChatException(ChatErrorCode.PlatformRejected, result.detail);
      case 'unavailable':
        throw new ChatException(
          ChatErrorCode.PlatformUnreachable,
          `Owncast is not answering: ${result.detail}`,
        );
    }
  }

  /** The chat's connected viewers as identities (points presence in `listed` mode). */
  async listViewers(connection: ConnectionRecord): Promise<ChatViewerIdentity[]> {
    return (await this.connectedViewers(connection)).map((present) => present.viewer);
  }

  /** Owncast's own count of who watches (`/api/status` viewerCount); null while offline. */
  async viewerCount(connection: ConnectionRecord): Promise<number | null> {
    const result = await this.api.status(connection.accountId, credentialsOf(connection).accessToken);
    if (result.kind !== 'ok') {
      throw new ChatException(ChatErrorCode.PlatformUnreachable, `Owncast's status: ${result.kind}`);
    }
    const body = result.body as { online?: unknown; viewerCount?: unknown } | null;
    if (body?.online === false) return null;
    return typeof body?.viewerCount === 'number' && Number.isFinite(body.viewerCount)
      ? body.viewerCount
      : null;
  }

  /**
   * Hides the message for everyone (messagevisibility). Owncast's integrations API cannot silence a
   * user: `/api/chat/users/setenabled` takes a moderator's own chat token, not an integration's, so
   * a timeout or ban hides the message and says that the rest is not supported.
   */
  async moderate(
    connection: ConnectionRecord,
    { event, action }: ModerationRequest,
  ): Promise<ModerationOutcome> {
    const credentials = connection.credentials as OwncastCredentials | null;
    if (!credentials?.accessToken) return { status: 'failed', reason: 'The connection has no access token' };
    if (event.externalId.startsWith('sha256:'))
      return { status: 'failed', reason: 'Owncast sent this message without an id: it cannot be hidden' };
    const result = await this.api.hideMessages(connection.accountId, credentials.accessToken, [
      event.externalId,
    ]);
    switch (result.kind) {
      case 'ok':
        return action.type === 'delete'
          ? { status: 'done' }
          : {
              status: 'not_supported',
              reason: `The message was hidden; Owncast's integrations API cannot ${action.type === 'ban' ? 'ban' : 'time out'} a user`,
            };
      case 'unauthorized':
        await this.tokenRefused(connection);
        return {
          status: 'failed',
          reason: `${OWNCAST_TOKEN_REFUSED} (hiding needs the "administrator" scope)`,
        };
      case 'rejected':
      case 'unavailable':
        return { status: 'failed', reason: result.detail };
    }
  }

  private async post(
    connection: ConnectionRecord,
    endpoint: OwncastChatEndpoint,
    text: string,
  ): Promise<SendOutcome> {
    const credentials = connection.credentials as OwncastCredentials | null;
    if (!credentials?.accessToken) return { status: 'dropped', reason: 'The connection has no access token' };
    const result = await this.api.postChat(connection.accountId, credentials.accessToken, endpoint, text);
    switch (result.kind) {
      case 'ok':
        if (connection.status === 'needs_attention')
          await this.connections.setStatus(connection.id, 'connected');
        return { status: 'sent' };
      case 'unauthorized':
        await this.tokenRefused(connection);
        return { status: 'dropped', reason: OWNCAST_TOKEN_REFUSED };
      case 'rejected':
        return { status: 'dropped', reason: result.detail };
      case 'unavailable':
        return { status: 'retry', reason: result.detail, afterMs: RETRY_AFTER_MS };
    }
  }

  private async tokenRefused(connection: ConnectionRecord): Promise<void> {
    this.logger.warn({ connectionId: connection.id }, 'Owncast refused the access token');
    if (connection.status !== 'needs_attention') {
      await this.connections.setStatus(connection.id, 'needs_attention', OWNCAST_TOKEN_REFUSED);
    }
  }
}

function credentialsOf(connection: ConnectionRecord): OwncastCredentials {
  const credentials = connection.credentials as OwncastCredentials | null;
  if (!credentials?.accessToken) {
    throw new ChatException(ChatErrorCode.PlatformRejected, 'The Owncast connection has no access token');
  }
  return credentials;
}
