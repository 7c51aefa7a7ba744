import { Injectable, Logger } from '@nestjs/common';
import {
  nextPacificMidnight,
  normalizeYoutubeChatPage,
  planYoutubePoll,
  YOUTUBE_QUOTA_COST,
  youtubeCanSpend,
  youtubeQuotaUsedOn,
} from '@podium/chat';
import type { ConnectionStatus } from '@podium/contracts';
import { AppConfig } from '../../../config/app-config';
import { ChatPipeline } from '../../chat/events/chat-pipeline';
import { YoutubeApiClient, YoutubeApiError } from './youtube-api.client';
import { YoutubeAuthLostError, YoutubeCalls, type YoutubeConnection } from './youtube-calls.service';
import type { YoutubeState } from './youtube-state';

export const WAITING_DETAIL = 'waiting for a live broadcast';
/** After this many failed runs in a row the organizer sees the connection needs attention. */
const FAILURES_BEFORE_ATTENTION = 5;
const BACKOFF_FIRST_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60 * 1000;
/** Google's reset is at midnight Pacific; a minute later is safely the new day. */
const AFTER_RESET_MS = 60_000;
const CHAT_GONE = new Set(['liveChatEnded', 'liveChatNotFound', 'liveChatDisabled']);

/** What one run decided: the state to keep, when the next run is due (null: none), the status to show. */
export interface PollOutcome {
  patch: Partial<
    Pick<
      YoutubeState,
      'mode' | 'liveChatId' | 'broadcastId' | 'nextPageToken' | 'endedLiveChatId' | 'failures'
    >
  >;
  delayMs: number | null;
  status?: { status: ConnectionStatus; detail: string | null };
}

/**
 * One run of a connection's poll chain. Without a live chat it looks for the channel's active
 * broadcast (1 unit); with one it reads the next page of the chat from the stored page token
 * (5 units), records the page's events through the pipeline, and says when to read again: at
 * YouTube's pollingIntervalMillis or slower when the day's budget would not last. The page token
 * only moves on once the page's events are committed, so a failed run re-reads the same page.
 */
@Injectable()
export class YoutubePoller {
  private readonly logger = new Logger(YoutubePoller.name);

  constructor(
    private readonly calls: YoutubeCalls,
    private readonly api: YoutubeApiClient,
    private readonly pipeline: ChatPipeline,
    private readonly config: AppConfig,
  ) {}

  async step(connection: YoutubeConnection, state: YoutubeState): Promise<PollOutcome> {
    try {
      return state.mode === 'polling' && state.liveChatId
        ? await this.readChat(connection, state, state.liveChatId)
        : await this.findBroadcast(connection, state);
    } catch (error) {
      return this.failed(connection, state, error);
    }
  }

  private async findBroadcast(connection: YoutubeConnection, state: YoutubeState): Promise<PollOutcome> {
    const now = new Date();
    if (!youtubeCanSpend(youtubeQuotaUsedOn(state.quota, now), this.budget, 'liveBroadcasts.list')) {
      return this.outOfBudget(nextPacificMidnight(now), {});
    }
    const broadcasts = await this.calls.call(connection, 'liveBroadcasts.list', (token) =>
      this.api.activeBroadcasts(token),
    );
    const live = broadcasts.find(
      (broadcast) => broadcast.snippet.liveChatId && broadcast.snippet.liveChatId !== state.endedLiveChatId,
    );
    const liveChatId = live?.snippet.liveChatId;
    if (!live || !liveChatId) {
      return {
        patch: { mode: 'waiting', liveChatId: null, broadcastId: null, nextPageToken: null, failures: 0 },
        delayMs: this.config.google.youtubeBroadcastCheckMs,
        status: { status: 'connected', detail: WAITING_DETAIL },
      };
    }
    this.logger.log(
      { connectionId: connection.id, broadcastId: live.id },
      'YouTube broadcast is live: reading its chat',
    );
    return {
      patch: { mode: 'polling', liveChatId, broadcastId: live.id, nextPageToken: null, failures: 0 },
      delayMs: 0,
      status: { status: 'connected', detail: null },
    };
  }

  private async readChat(
    connection: YoutubeConnection,
    state: YoutubeState,
    liveChatId: string,
  ): Promise<PollOutcome> {
    const used = youtubeQuotaUsedOn(state.quota, new Date());
    // Is there budget for this read at all? (The pace itself was set when this run was planned.)
    const allowed = planYoutubePoll({ now: new Date(), used, budget: this.budget, apiIntervalMs: null });
    if (allowed.action === 'pause') return this.outOfBudget(allowed.until, {});
    const body = await this.calls.call(connection, 'liveChatMessages.list', (token) =>
      this.api.listChatMessages(token, liveChatId, state.nextPageToken),
    );
    const result = normalizeYoutubeChatPage(body);
    if (result.status === 'invalid') {
      throw new YoutubeApiError(
        200,
        'malformedResponse',
        `Unexpected liveChatMessages page: ${result.message}`,
      );
    }
    const { page } = result;
    for (const item of page.invalid) {
      this.logger.warn(
        { connectionId: connection.id, itemId: item.id, problem: item.message },
        'skipped a YouTube chat item that is not in the documented shape',
      );
    }
    await this.pipeline.ingest(connection, page.events);
    if (page.chatEnded) return this.chatEnded(connection, liveChatId);
    const patch = { nextPageToken: page.nextPageToken ?? state.nextPageToken, failures: 0 };
    const next = planYoutubePoll({
      now: new Date(),
      used: used + YOUTUBE_QUOTA_COST['liveChatMessages.list'],
      budget: this.budget,
      apiIntervalMs: page.pollingIntervalMillis,
    });
    if (next.action === 'pause') return this.outOfBudget(next.until, patch);
    return { patch, delayMs: next.delayMs, status: { status: 'connected', detail: null } };
  }

  private chatEnded(connection: YoutubeConnection, liveChatId: string): PollOutcome {
    this.logger.log(
      { connectionId: connection.id, liveChatId },
      'YouTube live chat ended: waiting for a new broadcast',
    );
    return {
      patch: {
        mode: 'waiting',
        liveChatId: null,
        broadcastId: null,
        nextPageToken: null,
        endedLiveChatId: liveChatId,
        failures: 0,
      },
      delayMs: this.config.google.youtubeBroadcastCheckMs,
      status: { status: 'connected', detail: WAITING_DETAIL },
    };
  }

  /** Our own budget is spent: keep everything as it is and resume at the reset. */
  private outOfBudget(until: Date, patch: PollOutcome['patch']): PollOutcome {
    return {
      patch,
      delayMs: until.getTime() - Date.now() + AFTER_RESET_MS,
      status: {
        status: 'connected',
        detail: `today's YouTube quota budget (${this.budget} units) is spent: chat resumes after midnight Pacific time`,
      },
    };
  }

  private failed(connection: YoutubeConnection, state: YoutubeState, error: unknown): PollOutcome {
    if (error instanceof YoutubeAuthLostError) {
      this.logger.warn(
        { connectionId: connection.id, err: error.message },
        'YouTube access lost: polling stops',
      );
      return {
        patch: { mode: 'stopped' },
        delayMs: null,
        status: { status: 'needs_attention', detail: error.message },
      };
    }
    if (error instanceof YoutubeApiError && error.reason === 'quotaExceeded') {
      this.logger.warn(
        { connectionId: connection.id },
        'YouTube quota exceeded: polling waits for the reset',
      );
      return {
        patch: { failures: 0 },
        delayMs: nextPacificMidnight(new Date()).getTime() - Date.now() + AFTER_RESET_MS,
        status: {
          status: 'needs_attention',
          detail:
            "YouTube says the project's daily quota is used up: chat resumes after midnight Pacific time",
        },
      };
    }
    if (error instanceof YoutubeApiError && state.liveChatId && CHAT_GONE.has(error.reason)) {
      return this.chatEnded(connection, state.liveChatId);
    }
    const failures = state.failures + 1;
    const reason = error instanceof YoutubeApiError ? error.reason : 'error';
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      { connectionId: connection.id, failures, reason, err: message },
      'YouTube poll failed; trying again later',
    );
    // A page token YouTube no longer takes: start over (what was recorded stays recorded once).
    const resetToken = error instanceof YoutubeApiError && error.status === 400 && state.mode === 'polling';
    return {
      patch: { failures, ...(resetToken ? { nextPageToken: null } : {}) },
      delayMs: Math.min(BACKOFF_FIRST_MS * 2 ** (failures - 1), BACKOFF_MAX_MS),
      ...(failures >= FAILURES_BEFORE_ATTENTION
        ? { status: { status: 'needs_attention', detail: `YouTube keeps failing: ${message}` } }
        : {}),
    };
  }

  private get budget(): number {
    return this.config.google.youtubeDailyQuota;
  }
}
