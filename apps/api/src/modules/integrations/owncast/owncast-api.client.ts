import { Injectable } from '@nestjs/common';

/** What a call to an Owncast instance's integrations API came to. */
export type OwncastCallResult =
  | { kind: 'ok'; body: unknown }
  /** 401: a wrong token, or one without the endpoint's scope (Owncast does not tell them apart). */
  | { kind: 'unauthorized' }
  /** Another 4xx: Owncast refused this request (an empty message, an endpoint it does not have). */
  | { kind: 'rejected'; status: number; detail: string }
  /** 5xx, a timeout or no answer at all: worth trying again later. */
  | { kind: 'unavailable'; detail: string };

export type OwncastChatEndpoint = 'send' | 'system' | 'action';

const TIMEOUT_MS = 10_000;

/**
 * Owncast's integrations API (owncast.online/docs/api/requests): Bearer access token, JSON in and
 * out. `instanceUrl` is the connection's normalized base URL, without a trailing slash.
 */
@Injectable()
export class OwncastApiClient {
  /** GET /api/integrations/clients (scope HAS_ADMIN_ACCESS): the open chat connections. */
  listClients(instanceUrl: string, accessToken: string): Promise<OwncastCallResult> {
    return this.call(instanceUrl, accessToken, 'GET', '/api/integrations/clients');
  }

  /** POST /api/integrations/chat/{send,system,action} with `{"body": text}`. */
  postChat(
    instanceUrl: string,
    accessToken: string,
    endpoint: OwncastChatEndpoint,
    text: string,
  ): Promise<OwncastCallResult> {
    return this.call(instanceUrl, accessToken, 'POST', `/api/integrations/chat/${endpoint}`, { body: text });
  }

  /** POST /api/integrations/chat/messagevisibility (scope HAS_ADMIN_ACCESS): hides the messages. */
  hideMessages(instanceUrl: string, accessToken: string, messageIds: string[]): Promise<OwncastCallResult> {
    return this.call(instanceUrl, accessToken, 'POST', '/api/integrations/chat/messagevisibility', {
      idArray: messageIds,
      visible: false,
    });
  }

  /** GET /api/status (public): whether the stream is online and `viewerCount`, for stream reports. */
  status(instanceUrl: string, accessToken: string): Promise<OwncastCallResult> {
    return this.call(instanceUrl, accessToken, 'GET', '/api/status');
  }

  private async call(
    instanceUrl: string,
    accessToken: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<OwncastCallResult> {
    let response: Response;
    try {
      response = await fetch(`${instanceUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // A redirect (http → https) would drop the token on the way: say so instead of following it.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      return { kind: 'unavailable', detail: describeNetworkError(error) };
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401) return { kind: 'unauthorized' };
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location') ?? 'another address';
      return {
        kind: 'rejected',
        status: response.status,
        detail: `Owncast redirects to ${location}: use that URL`,
      };
    }
    if (response.status >= 500) return { kind: 'unavailable', detail: `Owncast answered ${response.status}` };
    if (!response.ok)
      return { kind: 'rejected', status: response.status, detail: errorText(response.status, text) };
    try {
      return { kind: 'ok', body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    } catch {
      return {
        kind: 'rejected',
        status: response.status,
        detail: 'Owncast answered with something that is not JSON',
      };
    }
  }
}

/** Owncast's handlers answer errors as `{"error": "..."}` (or plain text); keep it short. */
function errorText(status: number, text: string): string {
  let detail = text;
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    detail = String(parsed.error ?? parsed.message ?? text);
  } catch {
    // Plain text.
  }
  return `Owncast answered ${status}${detail.trim() ? `: ${detail.trim().slice(0, 200)}` : ''}`;
}

/** fetch rejects with "fetch failed" and the reason in `cause` (ECONNREFUSED, ENOTFOUND…). */
function describeNetworkError(error: unknown): string {
  // Duck-typed: errors from fetch may come from another realm (jest's VM), so no instanceof.
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const reason = (cause ?? {}) as { code?: unknown; message?: unknown };
  if (typeof reason.code === 'string') return reason.code;
  if (typeof reason.message === 'string') return reason.message;
  return message ?? String(error);
}
