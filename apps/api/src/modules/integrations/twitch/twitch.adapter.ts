import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { TWITCH_EVENT_TYPES, twitchOutboxLimits } from '@podium/chat';
import type { ChatViewerIdentity } from '@podium/contracts';
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
import { TwitchEventSub } from './eventsub/twitch-eventsub.service';
import { TwitchClients } from './twitch-clients';
import { moderateOnTwitch } from './twitch-moderation';
import { readCredentials, stateOf, tokenExpiresAt } from './twitch-credentials';
import { twurpleApi, twurpleAuth } from './twurple';

/** How long the outbox waits before trying again after Twitch's 429 (it multiplies by attempts). */
const RATE_LIMITED_RETRY_MS = 2_000;

/**
 * Twitch behind the chat core: sends as the bot account when one is connected (else as the
 * channel's owner) through Helix "Send Chat Message", listens through EventSub, and shows the
 * subscriptions' health and the token's expiry on the connections page.
 */
@Injectable()
export class TwitchAdapter implements PlatformAdapter, OnModuleInit {
  readonly platform = 'twitch' as const;
  private readonly logger = new Logger(TwitchAdapter.name);

  constructor(
    private readonly adapters: PlatformAdapters,
    private readonly clients: TwitchClients,
    private readonly eventSub: TwitchEventSub,
    private readonly connections: ConnectionsService,
  ) {}

  onModuleInit(): void {
    this.adapters.register(this);
  }

  limits(connection: ConnectionRecord): OutboxLimits {
    const sender = connection.botAccountId ?? connection.accountId;
    return twitchOutboxLimits({
      isBroadcaster: sender === connection.accountId,
      isModerator: stateOf(connection.state).botIsModerator === true,
    });
  }

  view(connection: ConnectionRecord): ConnectionView {
    const statuses = stateOf(connection.state).subscriptions ?? {};
    return {
      transport: this.eventSub.transport,
      subscriptions: TWITCH_EVENT_TYPES.flatMap((type) => {
        const status = statuses[type];
        return status ? [{ type, status }] : [];
      }),
      quota: null,
      tokenExpiresAt: tokenExpiresAt(readCredentials(connection.credentials)),
      webhookUrl: null,
    };
  }

  async start(connection: ConnectionRecord): Promise<void> {
    this.clients.app();
    if (!readCredentials(connection.credentials)) {
      throw new Error("The channel owner's Twitch token is missing: connect the channel again");
    }
    this.clients.useTokens(connection);
    await this.checkBotIsModerator(connection);
    await this.eventSub.ensure(connection);
  }

  async send(connection: ConnectionRecord, message: OutboundMessage): Promise<SendOutcome> {
    const senderId = connection.botAccountId ?? connection.accountId;
    try {
      this.clients.useTokens(connection);
      const sent = await this.clients.api.asUser(senderId, (api) =>
        api.chat.sendChatMessage(connection.accountId, message.text),
      );
      return { status: 'sent', externalId: sent.id };
    } catch (error) {
      return this.outcomeOf(connection, error);
    }
  }

  /** Deletes the message, then times out or bans its author, as the channel's owner. */
  moderate(connection: ConnectionRecord, request: ModerationRequest): Promise<ModerationOutcome> {
    return moderateOnTwitch(this.clients, connection, request);
  }

  /**
   * Twitch's chatter list (Helix GET /chat/chatters, as the channel's owner, scope
   * `moderator:read:chatters`), every page, for points presence in `listed` mode.
   */
  async listViewers(connection: ConnectionRecord): Promise<ChatViewerIdentity[]> {
    this.clients.useTokens(connection);
    const chatters = await this.clients.api.asUser(connection.accountId, (api) =>
      api.chat.getChattersPaginated(connection.accountId).getAll(),
    );
    return chatters.map((chatter) => ({
      platform: 'twitch' as const,
      platformUserId: chatter.userId,
      login: chatter.userName,
      displayName: chatter.userDisplayName,
      roles: [],
    }));
  }

  /** Helix GET /streams `viewer_count` of the channel; null while it is offline. */
  async viewerCount(connection: ConnectionRecord): Promise<number | null> {
    this.clients.useTokens(connection);
    const stream = await this.clients.api.streams.getStreamByUserId(connection.accountId);
    return stream?.viewers ?? null;
  }

  /** Stops the channel's subscriptions and revokes the tokens this connection holds. */
  async disconnect(connection: ConnectionRecord): Promise<void> {
    await this.eventSub
      .remove(connection)
      .catch((error: unknown) =>
        this.logger.warn(
          { err: error, connectionId: connection.id },
          'removing EventSub subscriptions failed',
        ),
      );
    const { clientId } = this.clients.app();
    const held: [string | null, unknown][] = [
      [connection.accountId, connection.credentials],
      [connection.botAccountId, connection.botCredentials],
    ];
    for (const [userId, stored] of held) {
      const credentials = readCredentials(stored);
      if (!userId || !credentials) continue;
      this.clients.forgetUser(userId);
      await twurpleAuth()
        .revokeToken(clientId, credentials.accessToken)
        .catch((error: unknown) =>
          this.logger.warn({ err: error, connectionId: connection.id }, 'revoking a Twitch token failed'),
        );
    }
  }

  private async outcomeOf(connection: ConnectionRecord, error: unknown): Promise<SendOutcome> {
    if (error instanceof twurpleApi().ChatMessageDroppedError) {
      return {
        status: 'dropped',
        reason: error.message.replace(/^Chat message to channel \S+ dropped: /, ''),
      };
    }
    const status = statusCodeOf(error);
    if (status === 429)
      return { status: 'retry', reason: 'Twitch rate limited the message', afterMs: RATE_LIMITED_RETRY_MS };
    const reason = twitchMessageOf(error);
    if (status === 401 || status === 403 || isTokenFailure(error)) {
      await this.connections.setStatus(
        connection.id,
        'needs_attention',
        `Twitch refused the sender's token: ${reason}`,
      );
      return { status: 'dropped', reason: `Twitch refused the sender's token: ${reason}` };
    }
    if (status !== undefined && status >= 400 && status < 500) return { status: 'dropped', reason };
    return { status: 'retry', reason, afterMs: RATE_LIMITED_RETRY_MS };
  }

  /** A bot that moderates the channel may send 100 messages per 30 s instead of 20. */
  private async checkBotIsModerator(connection: ConnectionRecord): Promise<void> {
    const botId = connection.botAccountId;
    if (!botId || botId === connection.accountId) return;
    try {
      const page = await this.clients.api.asUser(connection.accountId, (api) =>
        api.moderation.getModerators(connection.accountId, { userId: botId }),
      );
      const isModerator = page.data.some((moderator) => moderator.userId === botId);
      if (stateOf(connection.state).botIsModerator !== isModerator) {
        await this.connections.patchState(
          connection.id,
          { botIsModerator: isModerator },
          { announce: false },
        );
      }
    } catch (error) {
      this.logger.warn(
        { err: error, connectionId: connection.id },
        'could not learn whether the bot is a moderator',
      );
    }
  }
}

/** twurple's HttpStatusCodeError (not exported by @twurple/api) carries `statusCode` and `body`. */
function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  return typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

function twitchMessageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'body' in error && typeof error.body === 'string') {
    try {
      const parsed = JSON.parse(error.body) as { message?: unknown };
      if (typeof parsed.message === 'string' && parsed.message !== '') return parsed.message;
    } catch {
      // not JSON: fall through to the error's own message
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/** The token and its refresh no longer work (twurple gave up refreshing). */
function isTokenFailure(error: unknown): boolean {
  const { CachedRefreshFailureError, InvalidTokenError } = twurpleAuth();
  return error instanceof InvalidTokenError || error instanceof CachedRefreshFailureError;
}
