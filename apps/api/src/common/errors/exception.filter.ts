import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorDto } from '@podium/contracts';
import type { Request, Response } from 'express';
import { DomainException, httpStatusOf } from './domain.exception';
import { OUTAGE_RETRY_AFTER_SECONDS, OutageErrorCode, outageOf, type OutagePart } from './outage';
import { ValidationException } from './validation.exception';
import { requestLine } from '../http/request-logging';

/** Errors that body-parser and other Express middleware raise before a route runs. */
interface MiddlewareError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

function middlewareStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, expose } = error as MiddlewareError;
  const value = status ?? statusCode;
  return expose !== false && typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

/** Turns any error into the one ApiErrorDto body; only the unexpected ones become 500s and get logged. */
export function toApiError(error: unknown): { body: ApiErrorDto; retryAfterSeconds?: number } {
  if (error instanceof DomainException) {
    const body: ApiErrorDto = {
      statusCode: httpStatusOf(error.kind),
      code: error.code,
      message: error.message,
    };
    if (error.options.field) body.field = error.options.field;
    if (error instanceof ValidationException) body.issues = error.issues;
    // Socket acks have no headers: the body carries it too.
    if (error.options.retryAfterSeconds !== undefined)
      body.retryAfterSeconds = error.options.retryAfterSeconds;
    return { body, retryAfterSeconds: error.options.retryAfterSeconds };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    // The body parser's errors arrive as 400/413 HttpExceptions before any schema sees the body.
    const code =
      statusCode === 404
        ? 'http.not_found'
        : statusCode === 400
          ? 'validation.malformed_body'
          : statusCode === 413
            ? 'validation.body_too_large'
            : `http.${statusCode}`;
    return { body: { statusCode, code, message: error.message } };
  }
  const outage = outageOf(error);
  if (outage) return outageError(outage);
  const status = middlewareStatus(error);
  if (status !== undefined) {
    const code = status === 413 ? 'validation.body_too_large' : 'validation.malformed_body';
    const message = status === 413 ? 'request body is too large' : 'request body is not valid JSON';
    return { body: { statusCode: status, code, message } };
  }
  return { body: { statusCode: 500, code: 'internal', message: 'Something went wrong on our side' } };
}

/** A backing service is down: 503 with a code that names it, never a 500 with the driver's words. */
function outageError(part: OutagePart): { body: ApiErrorDto; retryAfterSeconds: number } {
  const retryAfterSeconds = OUTAGE_RETRY_AFTER_SECONDS;
  const body: ApiErrorDto =
    part === 'database'
      ? {
          statusCode: 503,
          code: OutageErrorCode.DatabaseUnavailable,
          message: 'The database is unavailable. Try again in a few seconds.',
          retryAfterSeconds,
        }
      : {
          statusCode: 503,
          code: OutageErrorCode.RedisUnavailable,
          message: 'A background service is unavailable. Try again in a few seconds.',
          retryAfterSeconds,
        };
  return { body, retryAfterSeconds };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const { body, retryAfterSeconds } = toApiError(error);
    if (body.statusCode === 500) {
      this.logger.error({ err: error, ...requestLine(request) }, 'unhandled error');
    } else if (body.statusCode > 500) {
      // Expected while a dependency is down: the health endpoint tells the story, one line is enough.
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ code: body.code, ...requestLine(request), reason }, 'unavailable');
    }
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }
}
