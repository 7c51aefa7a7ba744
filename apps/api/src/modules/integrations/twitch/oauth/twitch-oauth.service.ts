import { Injectable, Logger } from '@nestjs/common';
import { missingTwitchScopes, TWITCH_BOT_SCOPES, TWITCH_BROADCASTER_SCOPES } from '@podium/chat';
import type { OAuthStartDto } from '@podium/contracts';
import { DomainException } from '../../../../common/errors/domain.exception';
import { AppConfig } from '../../../../config/app-config';
import type { Actor } from '../../../auth/auth.service';
import { ChatErrorCode, ChatException } from '../../../chat/chat.exception';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import { OAuthState } from '../../../chat/oauth/oauth-state';
import type { ConnectionRecord } from '../../../chat/platform-adapter';
import { WorkspaceAccess } from '../../../workspaces/workspace-access.service';
import { TwitchClients } from '../twitch-clients';
import { toCredentials } from '../twitch-credentials';
import { twurpleAuth } from '../twurple';

export type TwitchRole = 'broadcaster' | 'bot';

export const TWITCH_CALLBACK_PATH = '/api/integrations/twitch/oauth/callback';

export interface TwitchCallbackQuery {
  code?: string;
  state?: string;
  error?: string;
  error_description?: string;
}

/**
 * "Connect with Twitch": the authorization-code flow. The channel's owner connects the channel
 * (role `broadcaster`); a separate account may then be attached to speak in chat (role `bot`).
 */
@Injectable()
export class TwitchOAuthService {
  private readonly logger = new Logger(TwitchOAuthService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly clients: TwitchClients,
    private readonly oauthState: OAuthState,
    private readonly access: WorkspaceAccess,
    private readonly connections: ConnectionsService,
  ) {}

  async start(actor: Actor, workspaceId: string, role: TwitchRole, origin: string): Promise<OAuthStartDto> {
    await this.access.require(actor, workspaceId, 'owner');
    const { clientId } = this.clients.app();
    if (role === 'bot') await this.channelOf(workspaceId);
    const url = new URL(this.config.twitch.authorizeUrl);
    url.searchParams.set('client_id', clientId);
    url.searchParams.set('redirect_uri', origin + TWITCH_CALLBACK_PATH);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', scopesFor(role).join(' '));
    url.searchParams.set(
      'state',
      this.oauthState.sign({ workspaceId, userId: actor.userId, platform: 'twitch', role }),
    );
    // Lets the organizer pick another account for the bot than the one signed in on twitch.tv.
    url.searchParams.set('force_verify', 'true');
    return { authorizeUrl: url.toString() };
  }

  /** Finishes the flow; returns where the browser goes next (the connections page, with the outcome). */
  async complete(query: TwitchCallbackQuery, origin: string): Promise<string> {
    const state = this.oauthState.verify(query.state);
    if (state.platform !== 'twitch') {
      throw new ChatException(
        ChatErrorCode.OAuthStateInvalid,
        'The sign-in link is not for Twitch; start again',
      );
    }
    const page = `/w/${state.workspaceId}/connections`;
    try {
      await this.access.require(
        { userId: state.userId, email: '', displayName: '' },
        state.workspaceId,
        'owner',
      );
      await this.connect(state.workspaceId, state.role, query, origin);
      return `${page}?connected=twitch`;
    } catch (error) {
      const known = error instanceof DomainException;
      if (!known) this.logger.warn({ err: error, workspaceId: state.workspaceId }, 'Twitch connect failed');
      const message = known ? error.message : 'Twitch did not accept the sign-in; try again';
      return `${page}?error=${encodeURIComponent(message)}`;
    }
  }

  private async connect(
    workspaceId: string,
    role: TwitchRole,
    query: TwitchCallbackQuery,
    origin: string,
  ): Promise<void> {
    if (query.error) {
      throw new ChatException(
        ChatErrorCode.OAuthFailed,
        `Twitch did not connect: ${query.error_description ?? query.error}`,
      );
    }
    if (!query.code) throw new ChatException(ChatErrorCode.OAuthFailed, 'Twitch sent no authorization code');
    const { clientId, clientSecret } = this.clients.app();
    const { exchangeCode, getTokenInfo } = twurpleAuth();
    const token = await exchangeCode(clientId, clientSecret, query.code, origin + TWITCH_CALLBACK_PATH).catch(
      (error: unknown) => {
        throw new ChatException(
          ChatErrorCode.OAuthFailed,
          `Twitch refused the authorization code: ${String(error)}`,
        );
      },
    );
    const missing = missingTwitchScopes(token.scope, scopesFor(role));
    if (missing.length > 0) {
      throw new ChatException(
        ChatErrorCode.OAuthFailed,
        `Twitch did not grant ${missing.join(', ')}: connect again and allow them`,
      );
    }
    const { userId } = await getTokenInfo(token.accessToken, clientId);
    if (!userId)
      throw new ChatException(ChatErrorCode.OAuthFailed, 'Twitch did not say which account signed in');
    const credentials = toCredentials(token);
    this.clients.useToken(userId, credentials);
    const user = await this.clients.api.users.getUserById(userId);
    const name = user?.displayName ?? user?.name ?? userId;
    if (role === 'broadcaster') {
      await this.connections.connect({
        workspaceId,
        platform: 'twitch',
        accountId: userId,
        accountName: name,
        credentials,
      });
      return;
    }
    const channel = await this.channelOf(workspaceId);
    await this.connections.connect({
      workspaceId,
      platform: 'twitch',
      accountId: channel.accountId,
      accountName: channel.accountName,
      botAccountId: userId,
      botAccountName: name,
      botCredentials: credentials,
    });
  }

  /** The workspace's Twitch channel a bot account speaks for (the first one connected). */
  private async channelOf(workspaceId: string): Promise<ConnectionRecord> {
    const channel = (await this.connections.forWorkspace(workspaceId)).find(
      (connection) => connection.platform === 'twitch' && connection.status !== 'disconnected',
    );
    if (!channel) {
      throw new ChatException(
        ChatErrorCode.ConnectionNotFound,
        'Connect the Twitch channel before its bot account',
      );
    }
    return channel;
  }
}

function scopesFor(role: TwitchRole): readonly string[] {
  return role === 'bot' ? TWITCH_BOT_SCOPES : TWITCH_BROADCASTER_SCOPES;
}
