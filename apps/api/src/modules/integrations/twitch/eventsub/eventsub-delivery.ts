import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';
import { checkTwitchDeliveryHeaders } from '@podium/chat';
import type { ApiErrorDto } from '@podium/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { toApiError } from '../../../../common/errors/exception.filter';
import { ChatErrorCode } from '../../../chat/chat.exception';

/** One webhook delivery while twurple handles it: what it carried is recorded before the answer. */
export interface EventSubDelivery {
  /** Twitch-Eventsub-Message-Timestamp, for events that carry no time of their own. */
  sentAt: string;
  /** Recording the delivery's events (and revocations); the webhook is acknowledged once all settle. */
  work: Promise<unknown>[];
}

/**
 * twurple's handlers run inside the request that delivered them, so the delivery travels with them
 * here instead of through twurple's API (which hands handlers neither the headers nor a way to
 * delay the answer).
 */
export const eventSubDeliveries = new AsyncLocalStorage<EventSubDelivery>();

/**
 * Runs before twurple's EventSubMiddleware. Refuses, from the headers alone, what twurple would
 * accept or answer badly: stale messages (twurple answers 202 and drops them: Podium wants Twitch
 * to see a 4xx), unsigned ones, and bodies without a length or over `maxBodyBytes` (twurple reads
 * any size). Then it holds twurple's early "202" until the events are committed, so an accepted
 * delivery is never lost: if recording fails Twitch gets an error and sends it again.
 */
export function eventSubDeliveryGuard(maxBodyBytes: number): RequestHandler {
  return (request, response, next) => {
    if (request.method !== 'POST') return next();
    const check = checkTwitchDeliveryHeaders(request.headers, { nowMs: Date.now(), maxBodyBytes });
    if (!check.ok) {
      const code = check.status === 403 ? ChatErrorCode.WebhookRejected : ChatErrorCode.WebhookMalformed;
      return sendError(response, { statusCode: check.status, code, message: check.message }, true);
    }
    const delivery: EventSubDelivery = { sentAt: check.timestamp, work: [] };
    holdAnswerUntilRecorded(response, delivery);
    eventSubDeliveries.run(delivery, () => next());
  };
}

/**
 * After twurple: a body that is not JSON (twurple's JSON.parse throws into `next`) is a 400, and so
 * is JSON that is not an object (`null`, `42`: twurple's reads of it throw TypeErrors into `next`;
 * Podium's own work reports through the held answer, never here). Nothing else under the EventSub
 * path reaches the rest of the app.
 */
export function eventSubErrorHandler(): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    if (error instanceof SyntaxError || error instanceof TypeError) {
      return sendError(response, {
        statusCode: 400,
        code: ChatErrorCode.WebhookMalformed,
        message:
          error instanceof SyntaxError ? 'the body is not valid JSON' : 'the body is not an EventSub message',
      });
    }
    sendError(response, toApiError(error).body);
  };
}

export function eventSubNotFound(message: string): RequestHandler {
  return (_request, response) =>
    sendError(response, { statusCode: 404, code: ChatErrorCode.WebhookUnknown, message });
}

function sendError(response: ServerResponse, body: ApiErrorDto, closeConnection = false): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  // An unread (maybe huge) body is not worth draining: close instead of keeping the socket alive.
  response.writeHead(body.statusCode, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...(closeConnection ? { Connection: 'close' } : {}),
  });
  response.end(text);
}

/**
 * twurple answers a notification before it calls the handlers. This keeps that answer (status and
 * body) until the delivery's work settles; on failure Twitch gets the error instead.
 */
function holdAnswerUntilRecorded(response: ServerResponse, delivery: EventSubDelivery): void {
  const writeHead = response.writeHead;
  const end = response.end;
  let head: unknown[] | undefined;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    head = args;
    return this;
  } as ServerResponse['writeHead'];
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    response.writeHead = writeHead;
    response.end = end;
    // twurple calls the handlers right after end(): let them register their work first.
    setImmediate(() => void answer(args));
    return this;
  } as ServerResponse['end'];

  async function answer(endArgs: unknown[]): Promise<void> {
    const failed = (await Promise.allSettled(delivery.work)).find((r) => r.status === 'rejected');
    // The error handler answered already (twurple threw after its own "202").
    if (response.headersSent) return;
    if (!failed) {
      if (head) (writeHead as (...a: unknown[]) => ServerResponse).apply(response, head);
      (end as (...a: unknown[]) => ServerResponse).apply(response, endArgs);
      return;
    }
    response.removeHeader('Content-Length');
    response.removeHeader('Content-Type');
    sendError(response, toApiError(failed.reason).body);
  }
}
