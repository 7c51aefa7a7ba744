import type { ApiErrorDto } from '@podium/contracts';

/**
 * Every non-2xx answer of the public API, typed from the house error body (`ApiErrorDto`). A body
 * that is not the house shape (a proxy's HTML page) still becomes one, with code `http.<status>`.
 */
export class PodiumApiError extends Error {
  override readonly name = 'PodiumApiError';
  /** HTTP status code (401, 403, 404, 409, 422, 429…). */
  readonly status: number;
  /** Stable machine-readable code, e.g. `validation.failed`, `auth.missing_scope`. */
  readonly code: string;
  /** The first field at fault, as a dotted path, when the input was invalid. */
  readonly field: string | undefined;
  readonly issues: { field: string; message: string }[];
  /** When to try again (429 and friends): the body's value, else the `Retry-After` header. */
  readonly retryAfterSeconds: number | undefined;
  readonly method: string;
  readonly path: string;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    method: string;
    path: string;
    field?: string;
    issues?: { field: string; message: string }[];
    retryAfterSeconds?: number;
  }) {
    super(`${init.method} ${init.path} → ${init.status} ${init.code}: ${init.message}`);
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.method = init.method;
    this.path = init.path;
  }
}

export function isPodiumApiError(error: unknown): error is PodiumApiError {
  return error instanceof PodiumApiError;
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header == null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function isErrorBody(value: unknown): value is Partial<ApiErrorDto> & { code: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
  );
}

/** Builds the error from a failed response's status, headers and (already read) body text. */
export function toPodiumApiError(
  request: { method: string; path: string },
  status: number,
  headers: { get(name: string): string | null },
  bodyText: string,
): PodiumApiError {
  let body: unknown = undefined;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined; // not JSON: keep the status and a short excerpt as the message
  }
  const headerRetry = parseRetryAfter(headers.get('retry-after'));
  if (isErrorBody(body)) {
    return new PodiumApiError({
      ...request,
      status,
      code: body.code,
      message: typeof body.message === 'string' ? body.message : `HTTP ${status}`,
      field: typeof body.field === 'string' ? body.field : undefined,
      issues: Array.isArray(body.issues) ? body.issues : undefined,
      retryAfterSeconds: typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : headerRetry,
    });
  }
  return new PodiumApiError({
    ...request,
    status,
    code: `http.${status}`,
    message: bodyText.slice(0, 200) || `HTTP ${status}`,
    retryAfterSeconds: headerRetry,
  });
}
