import { ApiError, CLIENT_ERROR_CODES, isApiErrorDto, parseRetryAfter } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

/** Same-origin JSON over fetch: the api sits at `/api` beside the SPA and authenticates by cookie. */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      { statusCode: 0, code: CLIENT_ERROR_CODES.network, message: 'The server could not be reached.' },
      { cause },
    );
  }

  if (response.status === 204) return undefined as T;

  const payload = await readJson(response);
  if (response.ok) {
    if (payload === undefined) {
      throw new ApiError({
        statusCode: response.status,
        code: CLIENT_ERROR_CODES.badResponse,
        message: 'The server sent an unreadable response.',
      });
    }
    return payload as T;
  }

  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (isApiErrorDto(payload)) throw new ApiError(payload, { retryAfterSeconds });
  // A proxy or gateway answered instead of the api: keep the status, make up the rest.
  throw new ApiError(
    {
      statusCode: response.status,
      code: CLIENT_ERROR_CODES.badResponse,
      message: response.statusText || `Request failed with status ${response.status}.`,
    },
    { retryAfterSeconds },
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const http = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>('GET', path, { signal }),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: (path: string) => apiRequest<void>('DELETE', path),
};

/** Encodes one path segment taken from a URL or user data. */
export const segment = (value: string): string => encodeURIComponent(value);
