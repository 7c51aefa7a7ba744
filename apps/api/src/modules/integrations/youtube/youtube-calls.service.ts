import { Injectable, Logger } from '@nestjs/common';
import { pacificDayOf, YOUTUBE_QUOTA_COST, type YoutubeApiMethod } from '@podium/chat';
import { AppConfig } from '../../../config/app-config';
import { ConnectionsService } from '../../chat/connections/connections.service';
import type { ConnectionRecord } from '../../chat/platform-adapter';
import { YoutubeApiClient, YoutubeApiError } from './youtube-api.client';
import { type YoutubeCredentials, YoutubeCredentialsSchema } from './youtube-credentials';
import { YoutubeStateRepository } from './youtube-state.repository';

/** Refresh this long before Google's expiry, so a token does not lapse mid-call. */
const REFRESH_MARGIN_MS = 60_000;

export type YoutubeConnection = ConnectionRecord<YoutubeCredentials>;

/** The grant is gone (revoked, expired refresh token, never stored): only a new connect helps. */
export class YoutubeAuthLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YoutubeAuthLostError';
  }
}

/**
 * Runs Data API calls for a connection: with an access token that is fresh (refreshed and stored
 * sealed when it is about to expire, or when YouTube refuses it), and with the call's quota units
 * added to today's count. Calls YouTube answered count, even refused ones (as YouTube counts them).
 */
@Injectable()
export class YoutubeCalls {
  private readonly logger = new Logger(YoutubeCalls.name);

  constructor(
    private readonly api: YoutubeApiClient,
    private readonly connections: ConnectionsService,
    private readonly state: YoutubeStateRepository,
    private readonly config: AppConfig,
  ) {}

  async call<T>(
    connection: YoutubeConnection,
    method: YoutubeApiMethod,
    run: (accessToken: string) => Promise<T>,
  ): Promise<T> {
    let credentials = await this.fresh(connection, false);
    try {
      return await this.counted(connection, method, () => run(credentials.accessToken));
    } catch (error) {
      if (!(error instanceof YoutubeApiError) || error.status !== 401) throw error;
      // Revoked early or the clock drifted: one refresh, one more try.
      credentials = await this.fresh(connection, true);
      try {
        return await this.counted(connection, method, () => run(credentials.accessToken));
      } catch (again) {
        if (again instanceof YoutubeApiError && again.status === 401) {
          throw new YoutubeAuthLostError('YouTube refuses the stored access: connect YouTube again');
        }
        throw again;
      }
    }
  }

  /** Counts units spent outside `call` (the OAuth callback's channels.list before the row existed). */
  async spend(connectionId: string, method: YoutubeApiMethod): Promise<void> {
    const units = YOUTUBE_QUOTA_COST[method];
    const usage = await this.state.addQuota(connectionId, pacificDayOf(new Date()), units);
    if (usage) await this.announceOnNewPercent(connectionId, usage.used - units, usage.used);
  }

  private async counted<T>(
    connection: YoutubeConnection,
    method: YoutubeApiMethod,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      const result = await run();
      await this.spend(connection.id, method);
      return result;
    } catch (error) {
      if (error instanceof YoutubeApiError && error.reachedApi) await this.spend(connection.id, method);
      throw error;
    }
  }

  /** The stored credentials, refreshed first when they are about to expire (or `force`). */
  private async fresh(connection: YoutubeConnection, force: boolean): Promise<YoutubeCredentials> {
    const stored = YoutubeCredentialsSchema.safeParse(connection.credentials);
    if (!stored.success)
      throw new YoutubeAuthLostError('No usable YouTube credentials are stored: connect YouTube again');
    const current = stored.data;
    if (!force && Date.parse(current.expiresAt) - REFRESH_MARGIN_MS > Date.now()) return current;
    if (!current.refreshToken)
      throw new YoutubeAuthLostError(
        'The YouTube access expired and cannot be renewed: connect YouTube again',
      );
    if (!this.config.google.clientId || !this.config.google.clientSecret) {
      throw new YoutubeAuthLostError(
        'The YouTube access expired and GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET are not set to renew it',
      );
    }
    let refreshed: YoutubeCredentials;
    try {
      refreshed = await this.api.refresh(current.refreshToken);
    } catch (error) {
      if (error instanceof YoutubeApiError && (error.reason === 'invalid_grant' || error.status === 401)) {
        throw new YoutubeAuthLostError('Google revoked the YouTube access: connect YouTube again');
      }
      throw error;
    }
    await this.connections.saveCredentials(connection.id, 'broadcaster', refreshed);
    // Later calls of this run use the new token too.
    connection.credentials = refreshed;
    this.logger.log(
      { connectionId: connection.id, expiresAt: refreshed.expiresAt },
      'YouTube access token refreshed',
    );
    return refreshed;
  }

  /** The connections page shows the quota; push it when it moves by a percent, not on every poll. */
  private async announceOnNewPercent(connectionId: string, before: number, after: number): Promise<void> {
    const budget = this.config.google.youtubeDailyQuota;
    if (Math.floor((before * 100) / budget) !== Math.floor((after * 100) / budget)) {
      await this.connections.announce(connectionId);
    }
  }
}
