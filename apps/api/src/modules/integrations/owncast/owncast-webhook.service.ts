import { Injectable, Logger } from '@nestjs/common';
import { normalizeOwncastWebhook, verifyOwncastSignature } from '@podium/chat';
import { ChatErrorCode, ChatException } from '../../chat/chat.exception';
import { ConnectionsService } from '../../chat/connections/connections.service';
import { ChatPipeline } from '../../chat/events/chat-pipeline';
import { storableText } from '../webhook-text';
import type { OwncastCredentials } from './owncast-credentials';

export interface OwncastDelivery {
  key: string;
  /** The bytes as received: the signature covers them, not a re-serialization. */
  rawBody: Buffer | undefined;
  /** The same body parsed by the JSON body parser. */
  body: unknown;
  signature: string | undefined;
}

export type OwncastWebhookReceipt =
  { status: 'recorded'; eventId: string } | { status: 'duplicate' } | { status: 'ignored'; type: string };

/** Webhook keys are 24 random bytes in base64url; anything else cannot be one. */
const WEBHOOK_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * One Owncast webhook delivery: find the connection by its secret path, check the signature when a
 * webhook secret is configured (Owncast ≥ 0.3.0), normalize, and record through the pipeline. Every
 * refusal happens before anything is stored.
 */
@Injectable()
export class OwncastWebhookService {
  private readonly logger = new Logger(OwncastWebhookService.name);

  constructor(
    private readonly connections: ConnectionsService,
    private readonly pipeline: ChatPipeline,
  ) {}

  async receive(delivery: OwncastDelivery): Promise<OwncastWebhookReceipt> {
    const connection = WEBHOOK_KEY.test(delivery.key)
      ? await this.connections.byWebhookKey<OwncastCredentials>(delivery.key)
      : null;
    if (!connection || connection.platform !== 'owncast') {
      throw new ChatException(ChatErrorCode.WebhookUnknown, 'No Owncast connection has this webhook URL');
    }
    if (delivery.rawBody === undefined) {
      throw new ChatException(
        ChatErrorCode.WebhookMalformed,
        'The body must be JSON (Content-Type: application/json)',
      );
    }
    const secret = connection.credentials?.webhookSecret;
    if (secret) {
      const check = verifyOwncastSignature(
        delivery.signature,
        delivery.rawBody,
        secret,
        Math.floor(Date.now() / 1000),
      );
      if (!check.ok) {
        this.logger.warn({ connectionId: connection.id, reason: check.reason }, 'Owncast webhook refused');
        throw new ChatException(ChatErrorCode.WebhookRejected, `Owncast webhook refused: ${check.message}`);
      }
    }
    const result = normalizeOwncastWebhook(storableText(delivery.body), new Date());
    switch (result.status) {
      case 'invalid':
        throw new ChatException(ChatErrorCode.WebhookMalformed, `Not an Owncast webhook: ${result.message}`);
      case 'ignored':
        return { status: 'ignored', type: result.type };
      case 'event': {
        const { recorded } = await this.pipeline.ingest(connection, [result.event]);
        return recorded[0] ? { status: 'recorded', eventId: recorded[0].id } : { status: 'duplicate' };
      }
    }
  }
}
