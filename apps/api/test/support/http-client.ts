import type { ApiErrorDto } from '@podium/contracts';
import { recordTestSecret, testLogDir } from '@podium/fakes';

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
    if (testLogDir()) recordSecretsIn(rawBody === undefined ? body : tryParse(rawBody));
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
      recordTestSecret('session-cookie', value.slice('podium_session='.length));
    }
    const text = await response.text();
    if (text && testLogDir()) recordSecretsIn(tryParse(text));
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

/** Fields whose values are credentials: passwords, tokens, secrets, webhook keys. */
const SECRET_FIELD = /(password|passphrase|token|secret|webhookkey)$/i;
/** Inbound webhook addresses whose last segment is the credential. */
const KEYED_WEBHOOK_URL = /\/api\/integrations\/(?:kofi|owncast)\/([^/?#]+)/;

/** Lists the credentials a request or answer carries, for the scan of the test logs. */
function recordSecretsIn(value: unknown, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && SECRET_FIELD.test(key)) recordTestSecret(key, field);
    else if (typeof field === 'string' && KEYED_WEBHOOK_URL.test(field))
      recordTestSecret('webhook-key', KEYED_WEBHOOK_URL.exec(field)?.[1]);
    else recordSecretsIn(field, depth + 1);
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
