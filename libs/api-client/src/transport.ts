import { toPodiumApiError } from './podium-api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface PodiumClientOptions {
  /** Where Podium runs, e.g. `https://podium.example.com` (no `/api/v1`; a trailing slash is fine). */
  baseUrl: string;
  /** An API token (`pod_…`), sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The fetch to use (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
  /** Extra headers on every request (e.g. a `User-Agent` naming your tool). */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  /** Mutations only: a retry with the same key replays the first result instead of acting twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface RequestInit extends RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
}

/** The server's `RateLimit-*` headers of the last answer, when it sent them. */
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
  rateLimit: RateLimitInfo | null;
}

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/** Builds `/api/v1/...` paths: each segment is URI-encoded, so an id can never change the route. */
export function v1Path(...segments: (string | number)[]): string {
  return `/api/v1/${segments.map((segment) => encodeURIComponent(String(segment))).join('/')}`;
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function readRateLimit(headers: Headers): RateLimitInfo | null {
  const limit = headers.get('ratelimit-limit');
  const remaining = headers.get('ratelimit-remaining');
  const reset = headers.get('ratelimit-reset');
  if (limit == null || remaining == null || reset == null) return null;
  const info = { limit: Number(limit), remaining: Number(remaining), resetSeconds: Number(reset) };
  return Object.values(info).every(Number.isFinite) ? info : null;
}

/** The one place that speaks HTTP: auth header, JSON in and out, errors as `PodiumApiError`. */
export class Transport {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PodiumClientOptions) {
    if (!options.token) throw new TypeError('PodiumClient needs an API token');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async request<T>(method: HttpMethod, path: string, init: RequestInit = {}): Promise<T> {
    return (await this.send<T>(method, path, init)).data;
  }

  /** Like `request`, with the status and headers (e.g. to read `RateLimit-Remaining`). */
  async send<T>(method: HttpMethod, path: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.options.headers,
      authorization: `Bearer ${this.options.token}`,
    };
    if (init.idempotencyKey !== undefined) {
      if (init.idempotencyKey.length === 0 || init.idempotencyKey.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
        throw new RangeError(`Idempotency-Key must be 1–${IDEMPOTENCY_KEY_MAX_LENGTH} characters`);
      }
      headers['idempotency-key'] = init.idempotencyKey;
    }
    let body: string | undefined;
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const response = await this.fetchImpl(`${this.baseUrl}${path}${queryString(init.query)}`, {
      method,
      headers,
      body,
      signal: init.signal,
    });
    const text = await response.text();
    if (!response.ok) throw toPodiumApiError({ method, path }, response.status, response.headers, text);
    return {
      status: response.status,
      data: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
      rateLimit: readRateLimit(response.headers),
    };
  }
}
