/*
 * A small typed fetch client for Google OAuth and the YouTube Data API v3 calls Podium makes.
 * Deliberately not google-auth-library / @googleapis/youtube: google-auth-library 11 needs Node 22
 * and Podium runs on Node 20. Every URL comes from AppConfig.google (GOOGLE_*_URL, YOUTUBE_API_URL),
 * so tests and the e2e suite point it at the fake in @podium/fakes.
 */
import { Injectable } from '@nestjs/common';
import {
  GoogleApiErrorSchema,
  GoogleOAuthErrorSchema,
  GoogleTokenResponseSchema,
  YoutubeChannelListSchema,
  type YoutubeLiveBroadcast,
  YoutubeLiveBroadcastListSchema,
  YoutubeInsertedMessageSchema,
} from '@podium/chat';
import type { z } from 'zod';
import { AppConfig } from '../../../config/app-config';
import type { YoutubeCredentials } from './youtube-credentials';

export const YOUTUBE_SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl';
const TIMEOUT_MS = 10_000;

/**
 * A call that did not give what was asked. `reason` is Google's (quotaExceeded, liveChatEnded,
 * authError, invalid_grant…), or ours: `network` (no answer) and `malformedResponse` (an answer
 * that is not the documented shape).
 */
export class YoutubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'YoutubeApiError';
  }

  /** YouTube answered (it spent quota on it), as opposed to a refused token or no answer at all. */
  get reachedApi(): boolean {
    return this.status !== 0 && this.status !== 401 && this.reason !== 'quotaExceeded';
  }
}

@Injectable()
export class YoutubeApiClient {
  constructor(private readonly config: AppConfig) {}

  /** Google's consent screen, asking for an offline (refreshable) grant of the chat scope. */
  authorizeUrl(redirectUri: string, state: string): string {
    const url = new URL(this.config.google.authorizeUrl);
    url.search = new URLSearchParams({
      client_id: this.config.google.clientId ?? '',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: YOUTUBE_SCOPE,
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      state,
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string, redirectUri: string): Promise<YoutubeCredentials> {
    return this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  }

  /** A new access token; Google keeps the refresh token, so the old one is carried over. */
  async refresh(refreshToken: string): Promise<YoutubeCredentials> {
    const fresh = await this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    return { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
  }

  /** Revokes the whole grant (revoking the refresh token revokes its access tokens too). */
  async revoke(token: string): Promise<void> {
    const response = await this.fetch(this.config.google.revokeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    if (!response.ok) throw await oauthErrorOf(response);
  }

  /** channels.list part=snippet mine=true: the channel of the account that consented. */
  async myChannel(accessToken: string): Promise<{ id: string; title: string } | null> {
    const body = await this.get(
      accessToken,
      'channels',
      { part: 'snippet', mine: 'true' },
      YoutubeChannelListSchema,
    );
    const channel = body.items?.[0];
    return channel ? { id: channel.id, title: channel.snippet.title } : null;
  }

  /**
   * liveBroadcasts.list broadcastStatus=active: the channel's broadcasts that are live now. The
   * docs allow exactly one filter (broadcastStatus, id or mine); with OAuth the status filter
   * already means "mine". broadcastType=all includes persistent (stream-now) broadcasts.
   */
  async activeBroadcasts(accessToken: string): Promise<YoutubeLiveBroadcast[]> {
    const body = await this.get(
      accessToken,
      'liveBroadcasts',
      { part: 'id,snippet,status', broadcastStatus: 'active', broadcastType: 'all', maxResults: '5' },
      YoutubeLiveBroadcastListSchema,
    );
    return body.items;
  }

  /** liveChatMessages.list; the page is returned as sent and checked by the normalizer. */
  listChatMessages(accessToken: string, liveChatId: string, pageToken: string | null): Promise<unknown> {
    return this.get(accessToken, 'liveChat/messages', {
      liveChatId,
      part: 'id,snippet,authorDetails',
      maxResults: '2000',
      ...(pageToken ? { pageToken } : {}),
    });
  }

  /** liveChatMessages.insert as the connected channel. */
  async insertChatMessage(accessToken: string, liveChatId: string, text: string): Promise<{ id: string }> {
    const response = await this.fetch(`${this.config.google.youtubeApiUrl}/liveChat/messages?part=snippet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        snippet: { liveChatId, type: 'textMessageEvent', textMessageDetails: { messageText: text } },
      }),
    });
    return parseOrThrow(YoutubeInsertedMessageSchema, await readApiBody(response));
  }

  /** liveChatMessages.delete: 204 with no body when YouTube removed it. */
  async deleteChatMessage(accessToken: string, messageId: string): Promise<void> {
    const url = `${this.config.google.youtubeApiUrl}/liveChat/messages?${new URLSearchParams({ id: messageId }).toString()}`;
    const response = await this.fetch(url, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (response.status === 204 || response.status === 200) return;
    await readApiBody(response);
  }

  /** liveChatBans.insert: a temporary ban (a timeout of `seconds`) or a permanent one. */
  async banFromChat(
    accessToken: string,
    liveChatId: string,
    channelId: string,
    seconds: number | null,
  ): Promise<void> {
    const response = await this.fetch(`${this.config.google.youtubeApiUrl}/liveChat/bans?part=snippet`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        snippet: {
          liveChatId,
          type: seconds === null ? 'permanent' : 'temporary',
          ...(seconds === null ? {} : { banDurationSeconds: String(seconds) }),
          bannedUserDetails: { channelId },
        },
      }),
    });
    await readApiBody(response);
  }

  private async token(grant: Record<string, string>): Promise<YoutubeCredentials> {
    const response = await this.fetch(this.config.google.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...grant,
        client_id: this.config.google.clientId ?? '',
        client_secret: this.config.google.clientSecret ?? '',
      }).toString(),
    });
    if (!response.ok) throw await oauthErrorOf(response);
    const body = parseOrThrow(GoogleTokenResponseSchema, await response.json().catch(() => undefined));
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? null,
      expiresAt: new Date(Date.now() + body.expires_in * 1000).toISOString(),
      scope: body.scope ?? '',
    };
  }

  private get(accessToken: string, path: string, query: Record<string, string>): Promise<unknown>;
  private get<T>(
    accessToken: string,
    path: string,
    query: Record<string, string>,
    schema: z.ZodType<T>,
  ): Promise<T>;
  private async get<T>(
    accessToken: string,
    path: string,
    query: Record<string, string>,
    schema?: z.ZodType<T>,
  ): Promise<T | unknown> {
    const url = `${this.config.google.youtubeApiUrl}/${path}?${new URLSearchParams(query).toString()}`;
    const body = await readApiBody(
      await this.fetch(url, { headers: { authorization: `Bearer ${accessToken}` } }),
    );
    return schema ? parseOrThrow(schema, body) : body;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new YoutubeApiError(0, 'network', `Google did not answer: ${cause}`);
    }
  }
}

/** The JSON of a 2xx answer, or the Google error it carries. */
async function readApiBody(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  if (response.ok) {
    if (body === undefined)
      throw new YoutubeApiError(response.status, 'malformedResponse', 'YouTube answered without JSON');
    return body;
  }
  const error = GoogleApiErrorSchema.safeParse(body);
  const detail = error.success ? error.data.error : undefined;
  throw new YoutubeApiError(
    response.status,
    detail?.errors?.[0]?.reason ?? (response.status === 401 ? 'authError' : `http${response.status}`),
    detail?.message ?? `YouTube answered ${response.status}`,
  );
}

async function oauthErrorOf(response: Response): Promise<YoutubeApiError> {
  const parsed = GoogleOAuthErrorSchema.safeParse(await response.json().catch(() => undefined));
  const reason = parsed.success ? parsed.data.error : `http${response.status}`;
  const description = parsed.success
    ? (parsed.data.error_description ?? parsed.data.error)
    : response.statusText;
  return new YoutubeApiError(response.status, reason, `Google refused: ${description}`);
}

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'body';
    throw new YoutubeApiError(
      200,
      'malformedResponse',
      `Unexpected answer from Google: ${where} ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}
