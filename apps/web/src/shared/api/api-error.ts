import type { ApiErrorDto } from '@podium/contracts';

/** Codes the client makes up itself when no `ApiErrorDto` came back from the server. */
export const CLIENT_ERROR_CODES = {
  network: 'client.network_unreachable',
  badResponse: 'client.bad_response',
} as const;

/** Every failed request throws this, carrying the server's `ApiErrorDto` (or one made up for it). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly code: string;
  readonly field?: string;
  readonly issues: { field: string; message: string }[];
  /** From `Retry-After`, when the server sent one (rate limits). */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly body: ApiErrorDto,
    options: { retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(body.message, { cause: options.cause });
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.field = body.field;
    this.issues = body.issues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** One message per field at fault, the first one winning, keyed by the contract field name. */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const issue of this.issues) {
      if (issue.field && !(issue.field in errors)) errors[issue.field] = issue.message;
    }
    if (this.field && !(this.field in errors)) errors[this.field] = this.message;
    return errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isApiErrorDto(value: unknown): value is ApiErrorDto {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['statusCode'] === 'number' &&
    typeof candidate['code'] === 'string' &&
    typeof candidate['message'] === 'string'
  );
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
