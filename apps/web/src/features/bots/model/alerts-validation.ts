import type { z } from 'zod';
import { isApiError } from '@/shared/api/api-error';

/** Messages by contract field path (`durationMs`, `bannedTerms.2.pattern`), the first issue winning. */
export type FieldErrors = Record<string, string>;

/** What a form model returns: the request to send, or the fields at fault (worded as the server would). */
export type Checked<T> = { ok: true; request: T } | { ok: false; errors: FieldErrors };

/** Field paths exactly as the api's validation pipe names them (path segments joined by dots). */
export function issuesByField(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/** Runs the contract's own schema on the request, so the page refuses what the server would. */
export function checkWith<T extends z.input<S>, S extends z.ZodType = z.ZodType>(
  schema: S,
  request: T,
  extra: FieldErrors = {},
): Checked<T> {
  const result = schema.safeParse(request);
  const errors = { ...(result.success ? {} : issuesByField(result.error.issues)), ...extra };
  return Object.keys(errors).length === 0 ? { ok: true, request } : { ok: false, errors };
}

/**
 * A number typed in an input: `null` when it is not one (empty, text), so the form can say so
 * instead of sending NaN.
 */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The server's 400 by field, or nothing for other failures (shown as a form-level alert). */
export function serverFieldErrors(error: unknown): FieldErrors {
  return isApiError(error) && error.statusCode === 400 ? error.fieldErrors() : {};
}
