import { QueryFailedError } from 'typeorm';
import { toApiError } from './exception.filter';
import { outageOf } from './outage';

/** Errors shaped as the PostgreSQL driver, TypeORM and ioredis raise them during an outage. */
function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111 });
}
function postgresError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

describe('outageOf', () => {
  it('names the database for refused, reset and terminated connections', () => {
    expect(outageOf(networkError('ECONNREFUSED'))).toBe('database');
    expect(outageOf(networkError('ECONNRESET'))).toBe('database');
    expect(outageOf(new Error('Connection terminated unexpectedly'))).toBe('database');
    expect(outageOf(new Error('timeout exceeded when trying to connect'))).toBe('database');
    expect(outageOf(postgresError('57P01', 'terminating connection due to administrator command'))).toBe(
      'database',
    );
    expect(outageOf(postgresError('57P03', 'the database system is starting up'))).toBe('database');
    expect(outageOf(postgresError('08006', 'connection failure'))).toBe('database');
  });

  it('looks inside TypeORM query errors, not inside failed outbound requests', () => {
    const driverError = postgresError('57P01', 'terminating connection due to administrator command');
    expect(outageOf(new QueryFailedError('select 1', [], driverError))).toBe('database');
    const partnerDown = new TypeError('fetch failed', { cause: networkError('ECONNREFUSED') });
    expect(outageOf(partnerDown)).toBeUndefined();
  });

  it('names Redis for commands that gave up while it was away', () => {
    const gaveUp = new Error('Reached the max retries per request limit (which is 3).');
    gaveUp.name = 'MaxRetriesPerRequestError';
    expect(outageOf(gaveUp)).toBe('redis');
    expect(outageOf(new Error('Connection is closed.'))).toBe('redis');
  });

  it('leaves statement errors and everything else alone', () => {
    expect(
      outageOf(postgresError('23505', 'duplicate key value violates unique constraint')),
    ).toBeUndefined();
    expect(outageOf(postgresError('42P01', 'relation "nope" does not exist'))).toBeUndefined();
    expect(outageOf(new Error('something else'))).toBeUndefined();
    expect(outageOf('ECONNREFUSED')).toBeUndefined();
  });
});

describe('toApiError during an outage', () => {
  it('answers 503 with a code naming the part, a retry hint, and none of the driver text', () => {
    const result = toApiError(new QueryFailedError('insert …', [], networkError('ECONNREFUSED')));
    expect(result.retryAfterSeconds).toBe(5);
    expect(result.body).toEqual({
      statusCode: 503,
      code: 'database.unavailable',
      message: 'The database is unavailable. Try again in a few seconds.',
      retryAfterSeconds: 5,
    });
    const redis = new Error('Reached the max retries per request limit (which is 3).');
    redis.name = 'MaxRetriesPerRequestError';
    expect(toApiError(redis).body).toMatchObject({ statusCode: 503, code: 'redis.unavailable' });
  });
});
