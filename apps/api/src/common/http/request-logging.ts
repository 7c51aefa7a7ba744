import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactRequestUrl } from './log-redaction';

/** The request as a log line names it: Express's original URL, when there is one, with its credentials masked. */
type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/**
 * What a log line says about its request, as Fastify logs requests: which request, from where, not
 * its headers. pino-http binds this to a child logger on EVERY request, whatever the log level:
 * serializing, redacting and stringifying the whole header set cost ~5 % of a redeem's CPU.
 * Headers also carry credentials (cookies, tokens, signatures) that a log should not.
 */
export function requestForLog(request: LoggedRequest) {
  return {
    id: request.id,
    method: request.method,
    url: redactRequestUrl(request.originalUrl ?? request.url),
    remoteAddress: request.socket?.remoteAddress,
  };
}

/** The method and masked URL an error logged while serving a request names it by. */
export function requestLine(request: { method?: string; url?: string; originalUrl?: string }) {
  return { method: request.method, url: redactRequestUrl(request.originalUrl ?? request.url) };
}

/** What the line logged when a request ends says about the response: its status. */
export function responseForLog(response: ServerResponse) {
  return { statusCode: response.statusCode };
}
