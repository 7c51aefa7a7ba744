import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type EventSubPostResult, eventSubTimestamp, postEventSubMessage } from './eventsub-webhook';
import type { FakeSubscription, FakeTwitchState, FakeWsSession } from './fake-twitch.state';
import { publicSubscription } from './fake-twitch.subscriptions';
import { FakeWebSocket } from './websocket-server';

export interface DeliverOptions {
  messageId?: string;
  timestamp?: string;
  /** A forged signature instead of the right one. */
  signature?: string;
  /** Bytes to send instead of the JSON body (malformed bodies); signed as sent. */
  rawBody?: string;
}

/** One delivery of one notification: over a webhook (with the app's answer) or a WebSocket. */
export type Delivery =
  | ({ transport: 'webhook'; subscription: FakeSubscription; url: string } & EventSubPostResult)
  | {
      transport: 'websocket';
      subscription: FakeSubscription;
      messageId: string;
      timestamp: string;
      frame: string;
    };

/** Which condition keys tie a subscription to the channel an event belongs to. */
const CHANNEL_KEYS = ['broadcaster_user_id', 'to_broadcaster_user_id'];

export function matches(sub: FakeSubscription, type: string, event: Record<string, unknown>): boolean {
  if (sub.type !== type || sub.status !== 'enabled') return false;
  return CHANNEL_KEYS.every((key) => sub.condition[key] === undefined || sub.condition[key] === event[key]);
}

/** Sends a notification (or revocation) to one subscription the way Twitch would. */
export async function deliverTo(
  state: FakeTwitchState,
  sub: FakeSubscription,
  messageType: 'notification' | 'revocation',
  event: Record<string, unknown> | undefined,
  options: DeliverOptions = {},
): Promise<Delivery> {
  const payload = { subscription: publicSubscription(sub), ...(event ? { event } : {}) };
  if (sub.transport.method === 'webhook') {
    const url = state.route(sub.transport.callback);
    const result = await postEventSubMessage({
      url,
      secret: sub.transport.secret,
      messageType,
      subscriptionType: sub.type,
      subscriptionVersion: sub.version,
      body: payload,
      ...options,
    });
    return { transport: 'webhook', subscription: sub, url, ...result };
  }
  const session = state.sessions.get(sub.transport.session_id);
  if (!session?.socket.isOpen) throw new Error(`the WebSocket session of subscription ${sub.id} is closed`);
  const messageId = options.messageId ?? state.newId();
  const timestamp = options.timestamp ?? eventSubTimestamp();
  const frame = JSON.stringify({
    metadata: {
      message_id: messageId,
      message_type: messageType,
      message_timestamp: timestamp,
      subscription_type: sub.type,
      subscription_version: sub.version,
    },
    payload,
  });
  session.socket.sendText(frame);
  return { transport: 'websocket', subscription: sub, messageId, timestamp, frame };
}

/**
 * Twitch's callback verification: a signed `webhook_callback_verification` with a challenge the
 * app must echo as plain text with 200. Retried briefly while the app is not listening yet.
 */
export async function verifyCallback(state: FakeTwitchState, sub: FakeSubscription): Promise<void> {
  if (sub.transport.method !== 'webhook') return;
  const challenge = randomBytes(16).toString('base64url');
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      const result = await postEventSubMessage({
        url: state.route(sub.transport.callback),
        secret: sub.transport.secret,
        messageType: 'webhook_callback_verification',
        subscriptionType: sub.type,
        subscriptionVersion: sub.version,
        body: { challenge, subscription: publicSubscription(sub) },
      });
      if (!state.subscriptions.has(sub.id)) return;
      sub.status =
        result.status === 200 && result.text === challenge
          ? 'enabled'
          : 'webhook_callback_verification_failed';
      return;
    } catch {
      if (Date.now() > deadline || !state.subscriptions.has(sub.id)) {
        sub.status = 'webhook_callback_verification_failed';
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The EventSub WebSocket server at ws://127.0.0.1:P/ws: welcome, then keepalives and notifications. */
export function acceptWebSocket(state: FakeTwitchState, request: IncomingMessage, socket: Duplex): void {
  if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/ws') {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    return;
  }
  const ws = FakeWebSocket.accept(request, socket);
  if (!ws) return;
  const session: FakeWsSession = {
    id: state.newSessionId(),
    socket: ws,
    connectedAt: new Date().toISOString(),
  };
  state.sessions.set(session.id, session);
  const send = (type: string, payload: unknown) =>
    ws.sendText(
      JSON.stringify({
        metadata: { message_id: state.newId(), message_type: type, message_timestamp: eventSubTimestamp() },
        payload,
      }),
    );
  send('session_welcome', {
    session: {
      id: session.id,
      status: 'connected',
      connected_at: session.connectedAt,
      keepalive_timeout_seconds: state.keepaliveSeconds,
      reconnect_url: null,
      recovery_url: null,
    },
  });
  session.keepalive = setInterval(() => send('session_keepalive', {}), state.keepaliveSeconds * 800);
  session.keepalive.unref();
  ws.onClose(() => {
    clearInterval(session.keepalive);
    // Twitch disables a session's subscriptions when it closes; they never come back.
    for (const sub of state.subscriptions.values()) {
      if (sub.transport.method === 'websocket' && sub.transport.session_id === session.id)
        state.subscriptions.delete(sub.id);
    }
  });
}
