import { Logger } from '@nestjs/common';
import type { Ack } from '@podium/contracts';
import type { z } from 'zod';
import { toApiError } from '../../../common/errors/exception.filter';
import { outageOf } from '../../../common/errors/outage';
import { ValidationException } from '../../../common/errors/validation.exception';
import { fromRuleError } from './live.exception';

const logger = new Logger('LiveSocket');

/**
 * Any error as the ack body a client gets: the same ApiErrorDto as HTTP. Unexpected ones are
 * logged with their stack; a backing service's outage is expected until it is back (the health
 * endpoint tells that story), so it gets one warning line, as over HTTP.
 */
export function toAck(error: unknown, context: Record<string, unknown> = {}): Ack<never> {
  const { body } = toApiError(fromRuleError(error));
  if (outageOf(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ ...context, code: body.code, reason }, 'socket handler unavailable');
  } else if (body.statusCode >= 500) {
    logger.error({ err: error, ...context }, 'socket handler failed');
  }
  return { ok: false, error: body };
}

/** Runs a socket handler's work and acks its result or its error; never throws. */
export async function ackOf<T>(
  work: () => Promise<T>,
  context: Record<string, unknown> = {},
): Promise<Ack<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    return toAck(error, context);
  }
}

/** A socket payload checked against its schema: the parsed value, or a ValidationException. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  throw ValidationException.fromIssues(result.error.issues);
}
