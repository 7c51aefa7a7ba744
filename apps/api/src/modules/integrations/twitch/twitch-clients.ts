import { Injectable, Logger } from '@nestjs/common';
import type { ApiClient } from '@twurple/api';
import type { AccessToken, RefreshingAuthProvider } from '@twurple/auth';
import { AppConfig } from '../../../config/app-config';
import { ChatErrorCode, ChatException } from '../../chat/chat.exception';
import { ConnectionsService } from '../../chat/connections/connections.service';
import type { ConnectionRecord } from '../../chat/platform-adapter';
import { readCredentials, toCredentials, type TwitchCredentials } from './twitch-credentials';
import { twurpleApi, twurpleAuth } from './twurple';

/**
 * The process's one twurple ApiClient and RefreshingAuthProvider. Connections hand their tokens
 * to the provider before it is used; a token twurple refreshes is saved (sealed) to every
 * connection that holds it, and a newer token another replica saved replaces the one held here.
 */
@Injectable()
export class TwitchClients {
  private readonly logger = new Logger(TwitchClients.name);
  private provider?: RefreshingAuthProvider;
  private client?: ApiClient;
  /** obtainmentTimestamp of the token the provider holds, per Twitch user. */
  private readonly held = new Map<string, number>();

  constructor(
    private readonly config: AppConfig,
    private readonly connections: ConnectionsService,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.twitch.clientId && this.config.twitch.clientSecret);
  }

  /** The app's client id and secret; a 503 naming the variables when they are not set. */
  app(): { clientId: string; clientSecret: string } {
    const { clientId, clientSecret } = this.config.twitch;
    if (!clientId || !clientSecret) {
      throw new ChatException(
        ChatErrorCode.PlatformNotConfigured,
        'Twitch is not configured: set TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET (from dev.twitch.tv/console)',
      );
    }
    return { clientId, clientSecret };
  }

  get api(): ApiClient {
    return this.twurple().client;
  }

  /** Hands the connection's broadcaster and bot tokens to twurple (when newer than what it holds). */
  useTokens(connection: ConnectionRecord): void {
    this.useToken(connection.accountId, readCredentials(connection.credentials));
    if (connection.botAccountId)
      this.useToken(connection.botAccountId, readCredentials(connection.botCredentials));
  }

  useToken(userId: string, credentials: TwitchCredentials | undefined): void {
    if (!credentials?.refreshToken) return;
    const { provider } = this.twurple();
    if ((this.held.get(userId) ?? -1) >= credentials.obtainmentTimestamp) return;
    provider.addUser(userId, credentials);
    this.held.set(userId, credentials.obtainmentTimestamp);
  }

  forgetUser(userId: string): void {
    if (this.provider?.hasUser(userId)) this.provider.removeUser(userId);
    this.held.delete(userId);
  }

  private twurple(): { client: ApiClient; provider: RefreshingAuthProvider } {
    if (!this.client || !this.provider) {
      const { clientId, clientSecret } = this.app();
      const { RefreshingAuthProvider } = twurpleAuth();
      const { ApiClient } = twurpleApi();
      this.provider = new RefreshingAuthProvider({ clientId, clientSecret });
      this.provider.onRefresh((userId, token) => this.saveRefreshed(userId, token));
      this.client = new ApiClient({ authProvider: this.provider, logger: { minLevel: 'critical' } });
    }
    return { client: this.client, provider: this.provider };
  }

  private saveRefreshed(userId: string, token: AccessToken): void {
    this.held.set(userId, token.obtainmentTimestamp);
    void this.persist(userId, toCredentials(token)).catch((error: unknown) =>
      this.logger.error({ err: error, twitchUserId: userId }, 'saving a refreshed Twitch token failed'),
    );
  }

  private async persist(userId: string, credentials: TwitchCredentials): Promise<void> {
    for (const connection of await this.connections.forPlatform('twitch')) {
      if (connection.accountId === userId)
        await this.connections.saveCredentials(connection.id, 'broadcaster', credentials);
      if (connection.botAccountId === userId)
        await this.connections.saveCredentials(connection.id, 'bot', credentials);
    }
  }
}
