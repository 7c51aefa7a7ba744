import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { BaseLogger } from 'pino';
import { redactRequestUrl } from './log-redaction';

/** The method and masked URL (Express's original one when there is one) a log line names a request by. */
export function requestLine(request: { method?: string; url?: string; originalUrl?: string }) {
  return { method: request.method, url: redactRequestUrl(request.originalUrl ?? request.url) };
}

/**
 * What a request's own log line says about it, as Fastify logs requests: which request, from where,
 * not its headers, which carry credentials (cookies, tokens, signatures) a log should not.
 */
export function requestForLog(request: IncomingMessage & { originalUrl?: string }) {
  return { ...requestLine(request), remoteAddress: request.socket?.remoteAddress };
}

/** What requestLog writes through: the root pino logger. */
type RequestLogger = Pick<BaseLogger, 'info' | 'warn' | 'error'> & { isLevelEnabled(level: string): boolean };

/** Probes answer every few seconds: their lines would drown the rest. */
const UNLOGGED = new Set(['/api/health']);

/**
 * One line per request once it is answered (`request completed`; `request errored` at error level
 * for a 5xx; `request aborted` when the client went away first), as pino-http wrote them, without
 * pino-http's per-request child logger: it decorated every request and response with seven
 * properties and a logger of their own, the largest single cost of a redeem's request on the CPU.
 * Lines logged while serving a request name it themselves (see requestLine).
 */
export function requestLog(logger: RequestLogger): RequestHandler {
  let ids = 0;
  return (request, response, next) => {
    if (UNLOGGED.has(request.url)) return next();
    const startedAt = Date.now();
    const id = (ids += 1);
    const done = (aborted: boolean) => {
      const failed = aborted || response.statusCode >= 500;
      const level = failed ? (aborted ? 'warn' : 'error') : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const message = aborted ? 'request aborted' : failed ? 'request errored' : 'request completed';
      logger[level](
        {
          req: { id, ...requestForLog(request) },
          // The status only: Set-Cookie and the other headers stay out of the log.
          res: { statusCode: response.statusCode },
          responseTime: Date.now() - startedAt,
        },
        message,
      );
    };
    response.once('close', () => done(!response.writableFinished));
    next();
  };
}
