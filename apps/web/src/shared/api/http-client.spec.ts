import type { ApiErrorDto, MeDto } from '@podium/contracts';
import { ApiError, CLIENT_ERROR_CODES, isApiError, parseRetryAfter } from './api-error';
import { http } from './http-client';
import { getMe } from './me.api';
import { shouldRetry } from './query-client';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const me: MeDto = {
  user: { id: 'u1', email: 'ada@example.org', displayName: 'Ada' },
  memberships: [{ workspaceId: 'w1', workspaceName: 'Ada live', role: 'owner' }],
};

let fetchMock: jest.Mock<Promise<Response>, [RequestInfo | URL, RequestInit | undefined]>;

beforeEach(() => {
  fetchMock = jest.fn();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('http client', () => {
  it('sends JSON to /api on the same origin with the session cookie, and returns the DTO', async () => {
    fetchMock.mockResolvedValue(json(200, me));

    const result = await http.post<MeDto>('/auth/login', { email: 'ada@example.org', password: 'secret' });

    expect(result).toEqual(me);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe(JSON.stringify({ email: 'ada@example.org', password: 'secret' }));
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('sends no body and no content type on GET', async () => {
    fetchMock.mockResolvedValue(json(200, { needsSetup: false }));

    await http.get('/setup');

    const [, init] = fetchMock.mock.calls[0]!;
    expect(init?.body).toBeUndefined();
    expect((init?.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('resolves 204 to undefined', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(http.delete('/workspaces/w1/invites/i1')).resolves.toBeUndefined();
  });

  it('throws an ApiError carrying the server body, with the field at fault', async () => {
    const body: ApiErrorDto = {
      statusCode: 400,
      code: 'validation.failed',
      message: 'password must be at least 10 characters',
      field: 'password',
      issues: [
        { field: 'password', message: 'must be at least 10 characters' },
        { field: 'workspaceName', message: 'is required' },
      ],
    };
    fetchMock.mockResolvedValue(json(400, body));

    const error = await caught(http.post('/setup', {}));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.body).toEqual(body);
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('validation.failed');
    expect(error.message).toBe('password must be at least 10 characters');
    expect(error.fieldErrors()).toEqual({
      password: 'must be at least 10 characters',
      workspaceName: 'is required',
    });
  });

  it('keeps Retry-After on rate limits', async () => {
    fetchMock.mockResolvedValue(
      json(
        429,
        { statusCode: 429, code: 'auth.too_many_attempts', message: 'Too many attempts' },
        { 'Retry-After': '42' },
      ),
    );

    const error = await caught(http.post('/auth/login', {}));

    expect(error.code).toBe('auth.too_many_attempts');
    expect(error.retryAfterSeconds).toBe(42);
  });

  it('makes up an ApiError when a proxy answers with something that is not an ApiErrorDto', async () => {
    fetchMock.mockResolvedValue(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );

    const error = await caught(http.get('/health'));

    expect(error.statusCode).toBe(502);
    expect(error.code).toBe(CLIENT_ERROR_CODES.badResponse);
    expect(error.message).toBe('Bad Gateway');
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));

    const error = await caught(http.get('/auth/me'));

    expect(error.statusCode).toBe(0);
    expect(error.code).toBe(CLIENT_ERROR_CODES.network);
  });

  it('lets an aborted request stay an abort', async () => {
    fetchMock.mockRejectedValue(new DOMException('aborted', 'AbortError'));
    await expect(http.get('/auth/me')).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('getMe', () => {
  it('is null when nobody is signed in', async () => {
    fetchMock.mockResolvedValue(
      json(401, { statusCode: 401, code: 'auth.unauthenticated', message: 'Sign in' }),
    );
    await expect(getMe()).resolves.toBeNull();
  });

  it('returns the organizer when signed in', async () => {
    fetchMock.mockResolvedValue(json(200, me));
    await expect(getMe()).resolves.toEqual(me);
  });

  it('still fails on other errors', async () => {
    fetchMock.mockResolvedValue(json(500, { statusCode: 500, code: 'internal', message: 'boom' }));
    await expect(getMe()).rejects.toBeInstanceOf(ApiError);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('shouldRetry', () => {
  const error = (statusCode: number) => new ApiError({ statusCode, code: 'x', message: 'x' });

  it('retries the network and 5xx a couple of times, never a 4xx', () => {
    expect(shouldRetry(0, error(0))).toBe(true);
    expect(shouldRetry(1, error(503))).toBe(true);
    expect(shouldRetry(2, error(503))).toBe(false);
    expect(shouldRetry(0, error(401))).toBe(false);
    expect(shouldRetry(0, error(404))).toBe(false);
  });
});
