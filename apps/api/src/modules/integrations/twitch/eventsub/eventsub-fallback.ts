import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { isTwitchEventType, verifyTwitchSignature } from '@podium/chat';
import type { Request, RequestHandler } from 'express';
import { ChatErrorCode, ChatException } from '../../../chat/chat.exception';
import { ConnectionsService } from '../../../chat/connections/connections.service';
import { eventSubDeliveries } from './eventsub-delivery';
import { EventSubStatuses } from './eventsub-status';
import { channelOf } from './eventsub-subscribe';
import { TwitchEventReceiver } from './twitch-event-receiver';

interface EventSubBody {
  challenge?: unknown;
  subscription?: { type?: unknown; condition?: Record<string, unknown>; status?: unknown };
  event?: unknown;
}

/**
 * twurple routes a delivery only to subscriptions its own listener made. With several replicas
 * behind a load balancer, a subscription created by one (a channel connected there after this one
 * started) is called back on any of them, challenge included. This handles such deliveries the
 * way twurple would, with the same secret every replica shares: verify, then answer the challenge,
 * record the event or note the revocation.
 */
@Injectable()
export class EventSubFallback {
  constructor(
    private readonly receiver: TwitchEventReceiver,
    private readonly statuses: EventSubStatuses,
    private readonly connections: ConnectionsService,
  ) {}

  handler(holds: (twurpleId: string) => boolean, secret: string): RequestHandler {
    return (request, response, next) => {
      const id = String(request.params['id'] ?? '');
      if (holds(id)) return next();
      this.handle(request, response, secret).catch(next);
    };
  }

  private async handle(request: Request, response: ServerResponse, secret: string): Promise<void> {
    const header = (name: string) => String(request.headers[name] ?? '');
    const delivery = {
      messageId: header('twitch-eventsub-message-id'),
      timestamp: header('twitch-eventsub-message-timestamp'),
      signature: header('twitch-eventsub-message-signature'),
    };
    const raw = await readBody(request);
    if (!verifyTwitchSignature(secret, delivery, raw)) {
      throw new ChatException(ChatErrorCode.WebhookRejected, 'the signature does not match');
    }
    const body = JSON.parse(raw.toString('utf8')) as EventSubBody;
    const type = typeof body.subscription?.type === 'string' ? body.subscription.type : '';
    const channelId = channelOf(body.subscription?.condition ?? {});
    if (!channelId || !isTwitchEventType(type)) {
      throw new ChatException(ChatErrorCode.WebhookUnknown, 'no such subscription here');
    }
    switch (header('twitch-eventsub-message-type')) {
      case 'webhook_callback_verification': {
        const wanted = (await this.connections.byAccount('twitch', channelId)).some(
          (c) => c.status !== 'disconnected',
        );
        if (!wanted || typeof body.challenge !== 'string') {
          throw new ChatException(ChatErrorCode.WebhookUnknown, 'no connection wants this subscription');
        }
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        return void response.end(body.challenge);
      }
      case 'notification': {
        if (typeof body.event !== 'object' || body.event === null) {
          throw new ChatException(ChatErrorCode.WebhookMalformed, 'the notification has no event');
        }
        const sentAt = eventSubDeliveries.getStore()?.sentAt ?? delivery.timestamp;
        await this.receiver.receive(type, body.event as Record<string, unknown>, {
          messageId: delivery.messageId,
          sentAt,
        });
        break;
      }
      case 'revocation': {
        await this.statuses.loadStored(channelId);
        this.statuses.set(channelId, type, String(body.subscription?.status ?? 'revoked'));
        await this.statuses.write(channelId);
        break;
      }
    }
    response.writeHead(204);
    response.end();
  }
}

/** The guard checked Content-Length against the limit; Node holds the body to it. */
async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
