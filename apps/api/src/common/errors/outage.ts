/** A backing service that an error shows to be unreachable, so the request cannot be served now. */
export type OutagePart = 'database' | 'redis';

export enum OutageErrorCode {
  DatabaseUnavailable = 'database.unavailable',
  RedisUnavailable = 'redis.unavailable',
}

/** Seconds a client is told to wait before trying again: a restart usually takes a few. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** SQLSTATE classes and codes that mean "no session to the database", not "bad statement". */
const POSTGRES_CONNECTION_CLASS = '08'; // connection_exception and its subclasses
const POSTGRES_UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: a fast or smart stop terminated the session
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);

/** Socket-level failures of the database driver (it surfaces them raw, with the errno code). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** Messages of the PostgreSQL driver and pool when a connection is lost or cannot be had. */
const POSTGRES_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'terminating connection due to administrator command',
  'the database system is',
];

/** ioredis: a command gave up while the connection was down, or was sent on a closed one. */
const REDIS_ERROR_NAMES = new Set(['MaxRetriesPerRequestError']);
const REDIS_MESSAGES = ['Connection is closed.', "Stream isn't writeable"];

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
}

function classify(error: ErrorShape): OutagePart | undefined {
  const name = typeof error.name === 'string' ? error.name : '';
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (REDIS_ERROR_NAMES.has(name) || REDIS_MESSAGES.some((m) => message.startsWith(m))) return 'redis';
  if (POSTGRES_UNAVAILABLE_CODES.has(code) || code.startsWith(POSTGRES_CONNECTION_CLASS)) return 'database';
  if (NETWORK_CODES.has(code)) return 'database';
  if (POSTGRES_MESSAGES.some((m) => message.includes(m))) return 'database';
  return undefined;
}

/**
 * Which backing service, if any, the error says is unreachable; looks inside TypeORM's
 * `driverError`. Raw network errors count as the database's: Redis commands fail with ioredis's
 * own errors instead, and outbound HTTP wraps them in `fetch failed` (whose `cause` is not
 * followed, so a partner's outage is never reported as ours).
 */
export function outageOf(error: unknown): OutagePart | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const shape = error as ErrorShape;
  const driverError = shape.driverError;
  return (
    classify(shape) ??
    (typeof driverError === 'object' && driverError !== null ? classify(driverError) : undefined)
  );
}
