import { EventSubMiddleware, type EventSubMiddlewareConfig } from '@twurple/eventsub-http';
import { EventSubWsListener, type EventSubWsConfig } from '@twurple/eventsub-ws';

type Subscription = Parameters<EventSubWsListener['_handleSingleEventPayload']>[0];

/** One notification's raw event with what twurple's typed handlers are not given: the message id. */
export type EventSubPayloadHandler = (
  twurpleSubscriptionId: string,
  event: Record<string, unknown>,
  messageId: string,
) => void;

/**
 * twurple's listeners call `_handleSingleEventPayload(subscription, event, messageId)` for every
 * notification, webhook or WebSocket alike. Podium takes over there: it needs the EventSub message
 * id (a resend keeps it) and the raw event for its own normalizers, and de-duplicates in the
 * database instead of twurple's 10-minute in-memory set (lost on restart, not shared by replicas).
 */
export class PodiumEventSubMiddleware extends EventSubMiddleware {
  constructor(
    config: EventSubMiddlewareConfig,
    private readonly onPayload: EventSubPayloadHandler,
  ) {
    super(config);
  }

  override _handleSingleEventPayload(
    subscription: Subscription,
    event: Record<string, unknown>,
    messageId: string,
  ): void {
    this.onPayload(subscription.id, event, messageId);
  }

  /** Whether this process's listener holds the subscription a callback URL names. */
  holds(twurpleSubscriptionId: string): boolean {
    return this._subscriptions.has(twurpleSubscriptionId);
  }
}

export class PodiumEventSubWsListener extends EventSubWsListener {
  constructor(
    config: EventSubWsConfig,
    private readonly onPayload: EventSubPayloadHandler,
  ) {
    super(config);
  }

  override _handleSingleEventPayload(
    subscription: Subscription,
    event: Record<string, unknown>,
    messageId: string,
  ): void {
    this.onPayload(subscription.id, event, messageId);
  }
}

export type PodiumEventSubListener = PodiumEventSubMiddleware | PodiumEventSubWsListener;
