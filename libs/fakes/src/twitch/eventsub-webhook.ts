import { createHmac, randomUUID } from 'node:crypto';

export type EventSubMessageType = 'notification' | 'webhook_callback_verification' | 'revocation';

/**
 * Twitch's signature (dev.twitch.tv/docs/eventsub/handling-webhook-events, "Verifying the event
 * message"): `sha256=` + lowercase hex HMAC-SHA256(secret, message id + timestamp + raw body).
 */
export function signEventSubMessage(
  secret: string,
  messageId: string,
  timestamp: string,
  rawBody: string,
): string {
  return `sha256=${createHmac('sha256', secret)
    .update(messageId + timestamp + rawBody)
    .digest('hex')}`;
}

/** An RFC 3339 time with nanoseconds, the way Twitch writes Twitch-Eventsub-Message-Timestamp. */
export function eventSubTimestamp(at: Date = new Date()): string {
  return at
    .toISOString()
    .replace(
      /\.(\d{3})Z$/,
      (_, ms: string) => `.${ms}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}Z`,
    );
}

export interface EventSubPost {
  url: string;
  secret: string;
  messageType: EventSubMessageType;
  /** Sent as `Twitch-Eventsub-Subscription-Type` / `-Version`. */
  subscriptionType: string;
  subscriptionVersion: string;
  body: unknown;
  messageId?: string;
  timestamp?: string;
  /** Replaces the computed signature (a forged delivery). */
  signature?: string;
  /** Replaces the JSON body bytes (malformed deliveries); the signature is computed over these. */
  rawBody?: string;
  retry?: number;
}

export interface EventSubPostResult {
  status: number;
  text: string;
  messageId: string;
  timestamp: string;
  rawBody: string;
  headers: Record<string, string>;
}

/** Posts one EventSub webhook message signed exactly as Twitch signs it (headers as twitch-cli sends them). */
export async function postEventSubMessage(post: EventSubPost): Promise<EventSubPostResult> {
  const messageId = post.messageId ?? randomUUID();
  const timestamp = post.timestamp ?? eventSubTimestamp();
  const rawBody = post.rawBody ?? JSON.stringify(post.body);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Twitch-Eventsub-Message-Id': messageId,
    'Twitch-Eventsub-Message-Retry': String(post.retry ?? 0),
    'Twitch-Eventsub-Message-Type': post.messageType,
    'Twitch-Eventsub-Message-Signature':
      post.signature ?? signEventSubMessage(post.secret, messageId, timestamp, rawBody),
    'Twitch-Eventsub-Message-Timestamp': timestamp,
    'Twitch-Eventsub-Subscription-Type': post.subscriptionType,
    'Twitch-Eventsub-Subscription-Version': post.subscriptionVersion,
  };
  const response = await fetch(post.url, { method: 'POST', headers, body: rawBody });
  return { status: response.status, text: await response.text(), messageId, timestamp, rawBody, headers };
}
