import type { Server } from 'node:http';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Router } from 'express';
import { AppConfig } from '../../../../config/app-config';
import { ChatException } from '../../../chat/chat.exception';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import type { ConnectionRecord } from '../../../chat/platform-adapter';
import { TwitchClients } from '../twitch-clients';
import { eventSubListeners } from '../twurple';
import { EventSubAtTwitch } from './eventsub-at-twitch';
import { EventSubChannels } from './eventsub-channels';
import {
  eventSubDeliveries,
  eventSubDeliveryGuard,
  eventSubErrorHandler,
  eventSubNotFound,
} from './eventsub-delivery';
import { EventSubFallback } from './eventsub-fallback';
import type { PodiumEventSubListener } from './eventsub-listeners';
import { secretTag, TwitchEventSubSecret } from './eventsub-secret';
import { EventSubStatuses } from './eventsub-status';
import type { TwurpleSubscription } from './eventsub-subscribe';
import { EventSubWaits } from './eventsub-waits';
import { TwitchEventReceiver } from './twitch-event-receiver';

/** Where Twitch posts EventSub webhooks (mounted in front of the JSON body parser). */
export const TWITCH_EVENTSUB_PATH = '/api/integrations/twitch/eventsub';
/** The same limit as every other body the api reads. */
const MAX_BODY_BYTES = 256 * 1024;
/** How long a connect waits for Twitch to create (and verify) the subscriptions. */
const SETTLE_MS = 10_000;

/**
 * EventSub for every connected channel, over webhooks when Podium has a public https address and
 * over Twitch's WebSocket otherwise. twurple (managed mode) creates and deletes the subscriptions;
 * Podium receives the events, keeps their statuses on the connections and removes stale ones.
 */
@Injectable()
export class TwitchEventSub implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  /** Mounted by create-app.ts before the JSON body parser: twurple verifies the raw bytes. */
  readonly router = Router();
  private readonly logger = new Logger(TwitchEventSub.name);
  private listener?: PodiumEventSubListener;
  private channels?: EventSubChannels;
  /** Webhooks only: every callback of this install starts with `base`, this secret's with `prefix`. */
  private callbacks?: { base: string; prefix: string };
  /** Subscriptions are awaited once the server listens (Twitch calls back at once). */
  private serving = false;
  private readonly waits = new EventSubWaits(SETTLE_MS);

  constructor(
    private readonly config: AppConfig,
    private readonly clients: TwitchClients,
    private readonly secret: TwitchEventSubSecret,
    private readonly receiver: TwitchEventReceiver,
    private readonly fallback: EventSubFallback,
    private readonly atTwitch: EventSubAtTwitch,
    private readonly statuses: EventSubStatuses,
    private readonly connections: ConnectionsService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  get transport(): 'webhook' | 'websocket' {
    return this.config.publicHttpsUrl ? 'webhook' : 'websocket';
  }

  async onModuleInit(): Promise<void> {
    this.router.use(TWITCH_EVENTSUB_PATH, eventSubDeliveryGuard(MAX_BODY_BYTES));
    if (this.clients.configured) {
      const listener = await this.createListener();
      this.listener = listener;
      this.channels = new EventSubChannels(
        listener,
        this.statuses,
        this.waits,
        this.connections,
        this.callbacks ? { atTwitch: this.atTwitch, callbackBase: this.callbacks.base } : undefined,
        () => this.serving,
      );
    }
    const off =
      this.transport === 'webhook' ? 'no such subscription' : 'EventSub webhooks need an https PUBLIC_URL';
    this.router.use(TWITCH_EVENTSUB_PATH, eventSubNotFound(off));
    this.router.use(TWITCH_EVENTSUB_PATH, eventSubErrorHandler());
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const whenListening = () => void this.startServing();
    if (server.listening) whenListening();
    else server.once('listening', whenListening);
  }

  onModuleDestroy(): void {
    if (this.listener && this.listener instanceof eventSubListeners().PodiumEventSubWsListener)
      this.listener.stop();
  }

  /** The channel's ten subscriptions exist (missing ones are created). */
  async ensure(connection: ConnectionRecord): Promise<void> {
    await this.channels?.ensure(connection);
  }

  /** Stops listening to the channel unless another connection still follows it. */
  async remove(connection: ConnectionRecord): Promise<void> {
    await this.channels?.remove(connection);
  }

  private async createListener(): Promise<PodiumEventSubListener> {
    const apiClient = this.clients.api;
    const logger = { minLevel: 'critical' as const };
    const onPayload = (id: string, event: Record<string, unknown>, messageId: string) =>
      this.onPayload(id, event, messageId);
    const { PodiumEventSubMiddleware, PodiumEventSubWsListener } = eventSubListeners();
    let listener: PodiumEventSubListener;
    const publicUrl = this.config.publicHttpsUrl;
    if (publicUrl) {
      const secret = await this.secret.load();
      const hostName = new URL(publicUrl).host;
      const pathPrefix = `${TWITCH_EVENTSUB_PATH}/${secretTag(secret)}`;
      this.callbacks = {
        base: `https://${hostName}${TWITCH_EVENTSUB_PATH}/`,
        prefix: `https://${hostName}${pathPrefix}/event/`,
      };
      // The signature is the check; a proxy may rewrite Host, so twurple's host check is off.
      const middleware = new PodiumEventSubMiddleware(
        { apiClient, hostName, pathPrefix, secret, strictHostCheck: false, helperRoutes: false, logger },
        onPayload,
      );
      // Before twurple's routes: deliveries for subscriptions another replica made.
      this.router.post(
        `${pathPrefix}/event/:id`,
        this.fallback.handler((id) => middleware.holds(id), secret),
      );
      middleware.apply(this.router);
      // A failed verification is read from Twitch's own listing instead (see EventSubChannels):
      // twurple also reports one for any request with a bad signature, which anyone can send.
      middleware.onVerify((success, subscription) => {
        if (success) this.onStatus(subscription, 'enabled');
      });
      listener = middleware;
    } else {
      listener = new PodiumEventSubWsListener(
        { apiClient, url: this.config.twitch.eventSubWsUrl, logger },
        onPayload,
      );
      listener.start();
    }
    listener.onSubscriptionCreateSuccess((subscription, data) =>
      this.onStatus(subscription, subscription.verified ? 'enabled' : data.status),
    );
    listener.onSubscriptionCreateFailure((subscription, error) =>
      this.onStatus(subscription, 'failed', error.message),
    );
    listener.onSubscriptionDeleteSuccess((subscription) => this.waits.end(subscription.id));
    listener.onSubscriptionDeleteFailure((subscription) => this.waits.end(subscription.id));
    listener.onRevoke((subscription, status) => this.onRevoke(subscription, status));
    return listener;
  }

  /** Once Twitch can call back: reconcile what Twitch holds with what the connections want. */
  private async startServing(): Promise<void> {
    try {
      const { listener, channels, callbacks } = this;
      // Tested in this order so that an install without Twitch never loads twurple here.
      if (
        listener &&
        channels &&
        callbacks &&
        listener instanceof eventSubListeners().PodiumEventSubMiddleware
      ) {
        // Stale ones first: Twitch refuses a second subscription of a type and condition (409).
        await this.atTwitch.removeStale(callbacks.base, callbacks.prefix);
        // twurple lists what Twitch has, resumes ours by callback URL and creates the missing ones.
        await listener.markAsReady();
        for (const [channelId, type, subscription] of channels.all()) {
          if (subscription.verified) this.statuses.set(channelId, type, 'enabled');
        }
        for (const channelId of channels.channelIds()) await this.statuses.write(channelId);
      }
    } catch (error) {
      this.logger.error({ err: error }, 'resuming Twitch EventSub subscriptions failed');
    } finally {
      this.serving = true;
    }
  }

  /** One notification: recorded before a webhook is answered (see eventsub-delivery.ts). */
  private onPayload(twurpleId: string, event: Record<string, unknown>, messageId: string): void {
    const owner = this.channels?.ownerOf(twurpleId);
    if (!owner) return;
    const delivery = eventSubDeliveries.getStore();
    const meta = { messageId, sentAt: delivery?.sentAt ?? new Date().toISOString() };
    const work = this.receiver.receive(owner.type, event, meta);
    if (delivery) delivery.work.push(work);
    work.catch((error: unknown) => {
      if (error instanceof ChatException)
        this.logger.warn({ twitchMessageId: messageId, reason: error.message }, 'EventSub event refused');
      else
        this.logger.error({ err: error, twitchMessageId: messageId }, 'recording an EventSub event failed');
    });
  }

  private onStatus(subscription: TwurpleSubscription, status: string, reason?: string): void {
    const owner = this.channels?.ownerOf(subscription.id);
    if (owner) {
      this.statuses.set(owner.channelId, owner.type, status, reason);
      void this.statuses.write(owner.channelId);
    }
    this.waits.end(subscription.id);
  }

  private onRevoke(subscription: TwurpleSubscription, status: string): void {
    const owner = this.channels?.revoked(subscription.id);
    if (!owner) return;
    this.statuses.set(owner.channelId, owner.type, status);
    // A revocation delivered by webhook is acknowledged once the connections show it.
    eventSubDeliveries.getStore()?.work.push(this.statuses.write(owner.channelId));
  }
}
