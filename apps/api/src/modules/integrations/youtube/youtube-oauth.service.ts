import { Injectable, Logger } from '@nestjs/common';
import type { OAuthStartDto } from '@podium/contracts';
import { AppConfig } from '../../../config/app-config';
import type { Actor } from '../../auth/auth.service';
import { ChatErrorCode, ChatException } from '../../chat/chat.exception';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { OAuthState } from '../../chat/oauth/oauth-state';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { YOUTUBE_SCOPE, YoutubeApiClient, YoutubeApiError } from './youtube-api.client';
import { YoutubeCalls } from './youtube-calls.service';
import type { YoutubeCredentials } from './youtube-credentials';

export const YOUTUBE_CALLBACK_PATH = '/api/integrations/youtube/oauth/callback';

export interface YoutubeCallbackQuery {
  state?: string;
  code?: string;
  error?: string;
}

/** Why Google sent the organizer back without a code, in words for the connections page. */
function consentError(error: string): string {
  return error === 'access_denied' ? 'YouTube access was not granted' : `Google sign-in failed (${error})`;
}

/**
 * "Connect with YouTube": Google's authorization-code flow for an offline grant of the
 * youtube.force-ssl scope (read and write live chat). The callback trusts only a `state` this
 * install signed, swaps the code for tokens, reads which channel consented and stores the
 * connection with its tokens sealed; then the poll chain starts.
 */
@Injectable()
export class YoutubeOAuthService {
  private readonly logger = new Logger(YoutubeOAuthService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly access: WorkspaceAccess,
    private readonly oauthState: OAuthState,
    private readonly api: YoutubeApiClient,
    private readonly connections: ConnectionsService,
    private readonly calls: YoutubeCalls,
  ) {}

  async authorize(actor: Actor, workspaceId: string, origin: string): Promise<OAuthStartDto> {
    await this.access.require(actor, workspaceId, 'owner');
    this.requireConfigured();
    const state = this.oauthState.sign({
      workspaceId,
      userId: actor.userId,
      platform: 'youtube',
      role: 'broadcaster',
    });
    return { authorizeUrl: this.api.authorizeUrl(this.callbackUrl(origin), state) };
  }

  /** Handles Google's redirect; returns where to send the browser (the connections page). */
  async callback(query: YoutubeCallbackQuery, origin: string): Promise<string> {
    this.requireConfigured();
    const state = this.oauthState.verify(query.state);
    if (state.platform !== 'youtube') {
      throw new ChatException(
        ChatErrorCode.OAuthStateInvalid,
        'The sign-in link is not for YouTube; start again',
      );
    }
    // The access check reads only the user id; the state proves who started the connect.
    const starter: Actor = { userId: state.userId, email: '', displayName: '' };
    await this.access.require(starter, state.workspaceId, 'owner');
    const page = `${this.config.publicUrl ?? ''}/w/${state.workspaceId}/connections`;
    const failed = (message: string) => `${page}?error=${encodeURIComponent(message)}`;
    if (query.error) return failed(consentError(query.error));
    if (!query.code) return failed('Google sent no authorization code');
    try {
      const credentials = await this.api.exchangeCode(query.code, this.callbackUrl(origin));
      if (!credentials.scope.split(' ').includes(YOUTUBE_SCOPE)) {
        return failed(
          'Podium needs the permission to manage your YouTube account to read and write live chat',
        );
      }
      const channel = await this.api.myChannel(credentials.accessToken);
      if (!channel) return failed('This Google account has no YouTube channel');
      const connection = await this.connections.connect<YoutubeCredentials>({
        workspaceId: state.workspaceId,
        platform: 'youtube',
        accountId: channel.id,
        accountName: channel.title,
        credentials: {
          ...credentials,
          refreshToken: await this.refreshTokenFor(credentials, state.workspaceId, channel.id),
        },
      });
      await this.calls.spend(connection.id, 'channels.list');
      this.logger.log({ workspaceId: state.workspaceId, connectionId: connection.id }, 'YouTube connected');
      return `${page}?connected=youtube`;
    } catch (error) {
      if (!(error instanceof YoutubeApiError)) throw error;
      this.logger.warn(
        { workspaceId: state.workspaceId, reason: error.reason, err: error.message },
        'YouTube connect failed',
      );
      return failed(`Connecting YouTube failed: ${error.message}`);
    }
  }

  /** Google sends a refresh token on first consent only; a reconnect without one keeps the stored one. */
  private async refreshTokenFor(credentials: YoutubeCredentials, workspaceId: string, channelId: string) {
    if (credentials.refreshToken) return credentials.refreshToken;
    const existing = (await this.connections.byAccount<YoutubeCredentials>('youtube', channelId)).find(
      (connection) => connection.workspaceId === workspaceId,
    );
    return existing?.credentials?.refreshToken ?? null;
  }

  /** Google must get the same redirect URI at the consent screen and at the code exchange. */
  private callbackUrl(origin: string): string {
    return `${this.config.publicUrl ?? origin}${YOUTUBE_CALLBACK_PATH}`;
  }

  private requireConfigured(): void {
    if (!this.config.google.clientId || !this.config.google.clientSecret) {
      throw new ChatException(
        ChatErrorCode.PlatformNotConfigured,
        'YouTube is not set up on this server: set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET',
      );
    }
  }
}
