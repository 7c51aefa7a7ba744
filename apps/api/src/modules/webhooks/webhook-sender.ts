import { Injectable } from '@nestjs/common';
import { responseExcerpt, WEBHOOK_RESPONSE_EXCERPT_BYTES } from '@podium/bots';
import {
  WEBHOOK_EVENT_ID_HEADER,
  WEBHOOK_EVENT_TYPE_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
} from '@podium/contracts';
import { AppConfig } from '../../config/app-config';
import { signWebhookBody } from './webhook-crypto';

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string;
}

export interface Outgoing {
  url: string;
  secret: string;
  body: string;
  eventId: string;
  eventType: string;
}

/** One signed POST: never throws; a refused connection or a timeout is a result without status. */
@Injectable()
export class WebhookSender {
  constructor(private readonly config: AppConfig) {}

  async send(outgoing: Outgoing): Promise<SendResult> {
    const started = performance.now();
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(outgoing.url, {
        method: 'POST',
        // A redirect is an answer (3xx, not delivered): following it could leave the URL the organizer chose.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Podium-Webhooks/1',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(outgoing.secret, outgoing.body, timestamp),
          [WEBHOOK_EVENT_ID_HEADER]: outgoing.eventId,
          [WEBHOOK_EVENT_TYPE_HEADER]: outgoing.eventType,
        },
        body: outgoing.body,
      });
      const excerpt = await readExcerpt(response);
      return {
        statusCode: response.status,
        error: null,
        durationMs: Math.round(performance.now() - started),
        responseExcerpt: excerpt,
      };
    } catch (caught) {
      return {
        statusCode: null,
        error: describe(caught, this.config.webhooks.timeoutMs),
        durationMs: Math.round(performance.now() - started),
        responseExcerpt: '',
      };
    }
  }
}

/** Reads at most the excerpt's worth of the body, then lets the rest go. */
async function readExcerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size <= WEBHOOK_RESPONSE_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body cut short still leaves what arrived.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return responseExcerpt(new TextDecoder().decode(bytes));
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? error.message;
    return `${error.name}: ${detail}`.slice(0, 500);
  }
  return 'request failed';
}
