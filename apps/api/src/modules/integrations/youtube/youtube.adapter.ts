import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { nextPacificMidnight, YOUTUBE_QUOTA_COST, youtubeCanSpend, youtubeQuotaUsedOn } from '@podium/chat';
import { AppConfig } from '../../../config/app-config';
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
import { YoutubePollJob } from './jobs/youtube-poll.job';
import { YoutubeApiClient, YoutubeApiError } from './youtube-api.client';
import { YoutubeAuthLostError, YoutubeCalls, type YoutubeConnection } from './youtube-calls.service';
import { YoutubeCredentialsSchema } from './youtube-credentials';
import { readYoutubeState } from './youtube-state';
import { YoutubeStateRepository } from './youtube-state.repository';

/** YouTube refuses chat messages longer than 200 characters. */
const MAX_MESSAGE_LENGTH = 200;
const RATE_LIMITED_RETRY_MS = 5_000;

/**
 * YouTube behind the chat core: events come from polling the live chat (YoutubePollJob), messages
 * go out with liveChatMessages.insert as the connected channel, and every call counts against
 * the daily quota budget the connections page shows.
 */
@Injectable()
export class YoutubeAdapter implements PlatformAdapter, OnModuleInit {
  readonly platform = 'youtube' as const;
  private readonly logger = new Logger(YoutubeAdapter.name);

  constructor(
    private readonly adapters: PlatformAdapters,
    private readonly config: AppConfig,
    private readonly api: YoutubeApiClient,
    private readonly calls: YoutubeCalls,
    private readonly job: YoutubePollJob,
    private readonly state: YoutubeStateRepository,
    private readonly connections: ConnectionsService,
  ) {}

  onModuleInit(): void {
    this.adapters.register(this);
  }

  /** One message per 2 s: each costs 20 of the day's units, and YouTube rate-limits chatty senders. */
  limits(): OutboxLimits {
    return { maxLength: MAX_MESSAGE_LENGTH, messages: 1, perMs: 2_000 };
  }

  view(connection: ConnectionRecord): ConnectionView {
    const now = new Date();
    const credentials = YoutubeCredentialsSchema.safeParse(connection.credentials);
    return {
      transport: 'polling',
      subscriptions: [],
      webhookUrl: null,
      tokenExpiresAt: credentials.success ? credentials.data.expiresAt : null,
      quota: {
        used: youtubeQuotaUsedOn(readYoutubeState(connection.state).quota, now),
        budget: this.config.google.youtubeDailyQuota,
        resetsAt: nextPacificMidnight(now).toISOString(),
      },
    };
  }

  /**
   * Arms the poll chain. A fresh connect (status `connecting`) starts a new chain with a broadcast
   * lookup; after a restart the stored step is re-armed for the time it had left, which collapses
   * with the job still waiting in Redis, or replaces the in-process timer that died with the process.
   */
  async start(connection: ConnectionRecord, attempt = 1): Promise<void> {
    this.job.resumeHere(connection.id);
    const state = readYoutubeState(connection.state);
    if (connection.status === 'connecting') {
      const step = state.step + 1;
      const patch = { step, mode: 'lookup' as const, failures: 0, nextRunAt: new Date().toISOString() };
      if (await this.state.advance(connection.id, state.step, patch)) {
        await this.job.arm({ connectionId: connection.id, step }, 0);
        return;
      }
      // A run moved the chain meanwhile: take the chain over from where it is now.
      const fresh = await this.connections.record(connection.id);
      if (fresh && attempt < 3) await this.start(fresh, attempt + 1);
      return;
    }
    if (state.mode === 'stopped') return;
    await this.job.arm(
      { connectionId: connection.id, step: state.step },
      this.job.remaining(state.nextRunAt),
    );
  }

  async stop(connection: ConnectionRecord): Promise<void> {
    this.job.stopHere(connection.id);
  }

  /** Revokes the grant at Google (the refresh token; all its access tokens go with it). */
  async disconnect(connection: ConnectionRecord): Promise<void> {
    const credentials = YoutubeCredentialsSchema.safeParse(connection.credentials);
    if (!credentials.success) return;
    await this.api.revoke(credentials.data.refreshToken ?? credentials.data.accessToken);
  }

  async send(connection: ConnectionRecord, message: OutboundMessage): Promise<SendOutcome> {
    const youtube = connection as YoutubeConnection;
    const state = readYoutubeState(connection.state);
    if (state.mode !== 'polling' || !state.liveChatId) {
      return { status: 'dropped', reason: 'No YouTube broadcast is live: there is no chat to write to' };
    }
    const used = youtubeQuotaUsedOn(state.quota, new Date());
    if (!youtubeCanSpend(used, this.config.google.youtubeDailyQuota, 'liveChatMessages.insert')) {
      return { status: 'dropped', reason: "Today's YouTube quota budget is spent" };
    }
    const liveChatId = state.liveChatId;
    try {
      const inserted = await this.calls.call(youtube, 'liveChatMessages.insert', (token) =>
        this.api.insertChatMessage(token, liveChatId, message.text),
      );
      return { status: 'sent', externalId: inserted.id };
    } catch (error) {
      return this.sendFailed(connection, error);
    }
  }

  /**
   * liveChatMessages.delete, then for a timeout or ban liveChatBans.insert (temporary with
   * banDurationSeconds, or permanent) on the author's channel: 50 quota units each.
   */
  async moderate(
    connection: ConnectionRecord,
    { event, action }: ModerationRequest,
  ): Promise<ModerationOutcome> {
    const youtube = connection as YoutubeConnection;
    const state = readYoutubeState(connection.state);
    if (state.mode !== 'polling' || !state.liveChatId) {
      return { status: 'failed', reason: 'No YouTube broadcast is live: there is no chat to moderate' };
    }
    const liveChatId = state.liveChatId;
    const budget = this.config.google.youtubeDailyQuota;
    const used = youtubeQuotaUsedOn(state.quota, new Date());
    const restrict = action.type !== 'delete';
    const affordable =
      youtubeCanSpend(used, budget, 'liveChatMessages.delete') &&
      (!restrict ||
        youtubeCanSpend(used + YOUTUBE_QUOTA_COST['liveChatMessages.delete'], budget, 'liveChatBans.insert'));
    if (!affordable) return { status: 'failed', reason: "Today's YouTube quota budget is spent" };
    try {
      await this.calls.call(youtube, 'liveChatMessages.delete', (token) =>
        this.api.deleteChatMessage(token, event.externalId),
      );
      if (restrict) {
        const channelId = event.viewer?.platformUserId;
        if (!channelId) return { status: 'failed', reason: 'The message has no author to restrict' };
        await this.calls.call(youtube, 'liveChatBans.insert', (token) =>
          this.api.banFromChat(
            token,
            liveChatId,
            channelId,
            action.type === 'timeout' ? action.seconds : null,
          ),
        );
      }
      return { status: 'done' };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ connectionId: connection.id, err: reason }, 'YouTube refused a moderation call');
      return { status: 'failed', reason: `YouTube refused: ${reason}` };
    }
  }

  private sendFailed(connection: ConnectionRecord, error: unknown): SendOutcome {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn({ connectionId: connection.id, err: reason }, 'YouTube refused a chat message');
    if (error instanceof YoutubeAuthLostError) return { status: 'dropped', reason };
    if (!(error instanceof YoutubeApiError))
      return { status: 'retry', reason, afterMs: RATE_LIMITED_RETRY_MS };
    switch (error.reason) {
      case 'rateLimitExceeded':
      case 'network':
        return { status: 'retry', reason, afterMs: RATE_LIMITED_RETRY_MS };
      case 'liveChatEnded':
      case 'liveChatNotFound':
      case 'liveChatDisabled':
      case 'forbidden':
      case 'messageTextInvalid':
      case 'quotaExceeded':
        return { status: 'dropped', reason: `${error.reason}: ${reason}` };
      default:
        return error.status >= 500
          ? { status: 'retry', reason, afterMs: RATE_LIMITED_RETRY_MS }
          : { status: 'dropped', reason: `${error.reason}: ${reason}` };
    }
  }
}
