import type { ApiErrorDto } from '@podium/contracts';

export interface HttpResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: real HTTP, keeps the session cookie it is given. */
export class HttpClient {
  cookie?: string;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    rawBody?: string,
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined || rawBody !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers['cookie'] = this.cookie;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('podium_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'podium_session=' ? undefined : value;
    }
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

export type ErrorResult = HttpResult<ApiErrorDto>;
