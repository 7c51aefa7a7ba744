import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks on an EventSub webhook delivery that need only its headers, made before the body is read
 * (dev.twitch.tv/docs/eventsub/handling-webhook-events: "Verifying the event message", "Guarding
 * against replay attacks"). The signature over the raw body is checked afterwards.
 */

/** Twitch: reject a message whose timestamp is older than 10 minutes (a replay). */
export const TWITCH_MAX_MESSAGE_AGE_MS = 10 * 60 * 1000;
/** Clocks drift; a timestamp this far ahead is still accepted, further is refused like a stale one. */
const MAX_CLOCK_SKEW_MS = 60 * 1000;

export const TWITCH_MESSAGE_TYPES = ['notification', 'webhook_callback_verification', 'revocation'] as const;
export type TwitchMessageType = (typeof TWITCH_MESSAGE_TYPES)[number];

export interface TwitchDeliveryHeaders {
  messageId: string;
  messageType: TwitchMessageType;
  timestamp: string;
  signature: string;
}

export type TwitchDeliveryCheck =
  ({ ok: true } & TwitchDeliveryHeaders) | { ok: false; status: 400 | 403 | 411 | 413; message: string };

/** Header lookup as Node gives them: lower-case names, a string or a list. */
export type HeaderBag = Record<string, string | string[] | undefined>;

export function checkTwitchDeliveryHeaders(
  headers: HeaderBag,
  options: { nowMs: number; maxBodyBytes: number },
): TwitchDeliveryCheck {
  const messageId = single(headers, 'twitch-eventsub-message-id');
  const messageType = single(headers, 'twitch-eventsub-message-type');
  const timestamp = single(headers, 'twitch-eventsub-message-timestamp');
  const signature = single(headers, 'twitch-eventsub-message-signature');
  if (!messageId || !messageType || !timestamp || !signature) {
    return {
      ok: false,
      status: 403,
      message: 'not a signed EventSub delivery (Twitch-Eventsub-Message-* headers missing)',
    };
  }
  if (messageId.length > 200) return { ok: false, status: 400, message: 'the message id is too long' };
  if (!isMessageType(messageType)) {
    return { ok: false, status: 400, message: `unknown message type "${messageType.slice(0, 60)}"` };
  }
  const sentAt = Date.parse(timestamp);
  if (Number.isNaN(sentAt)) return { ok: false, status: 400, message: 'the message timestamp is not a time' };
  if (options.nowMs - sentAt > TWITCH_MAX_MESSAGE_AGE_MS) {
    return { ok: false, status: 403, message: 'the message is older than 10 minutes (replay refused)' };
  }
  if (sentAt - options.nowMs > MAX_CLOCK_SKEW_MS) {
    return { ok: false, status: 403, message: 'the message timestamp is in the future' };
  }
  const length = single(headers, 'content-length');
  if (length === undefined) return { ok: false, status: 411, message: 'Content-Length is required' };
  if (!/^\d{1,12}$/.test(length))
    return { ok: false, status: 400, message: 'Content-Length is not a number' };
  if (Number(length) > options.maxBodyBytes) {
    return { ok: false, status: 413, message: `the body is larger than ${options.maxBodyBytes} bytes` };
  }
  return { ok: true, messageId, messageType, timestamp, signature };
}

function single(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isMessageType(type: string): type is TwitchMessageType {
  return (TWITCH_MESSAGE_TYPES as readonly string[]).includes(type);
}

/**
 * Twitch's signature check: `sha256=` + hex HMAC-SHA256(secret, message id + timestamp + raw body),
 * compared in constant time. The body must be the bytes received, not re-serialized JSON.
 */
export function verifyTwitchSignature(
  secret: string,
  delivery: Pick<TwitchDeliveryHeaders, 'messageId' | 'timestamp' | 'signature'>,
  rawBody: Buffer | string,
): boolean {
  const given = /^sha256=([0-9a-f]{64})$/.exec(delivery.signature)?.[1];
  if (!given) return false;
  const expected = createHmac('sha256', secret)
    .update(delivery.messageId + delivery.timestamp)
    .update(rawBody)
    .digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
