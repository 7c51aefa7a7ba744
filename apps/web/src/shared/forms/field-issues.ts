import { isApiError } from '../api/api-error';

/** One problem with a field, as the api (and the contract schemas) name them: `responses.2`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Formats an issue on one item of a list field (`responses.2` → "Line 3: …"). */
export type IndexedFormat = (index: number, message: string) => string;

const plain: IndexedFormat = (index, message) => `${index + 1}: ${message}`;

/**
 * One message per form field, the first one winning. Issues on a list item (`aliases.1`) land on
 * the list's field with the item's position; issues on fields the form does not have are left out
 * (the form shows those as a whole-form error).
 */
export function fieldErrorsOf(
  issues: readonly FieldIssue[],
  fields: readonly string[],
  formatIndexed: IndexedFormat = plain,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const [field = '', index] = issue.field.split('.');
    if (!fields.includes(field) || field in errors) continue;
    const position = index !== undefined && /^\d+$/.test(index) ? Number(index) : null;
    errors[field] = position === null ? issue.message : formatIndexed(position, issue.message);
  }
  return errors;
}

/** The issues a failed request carries: every validation issue, and the one field of a conflict. */
export function issuesOfError(error: unknown): FieldIssue[] {
  if (!isApiError(error)) return [];
  const issues = [...error.issues];
  if (error.field && !issues.some((issue) => issue.field === error.field)) {
    issues.push({ field: error.field, message: error.message });
  }
  return issues;
}

/** True when every problem of a failed request is shown beside a field of the form. */
export function allShownAtFields(error: unknown, fields: readonly string[]): boolean {
  const issues = issuesOfError(error);
  return issues.length > 0 && issues.every((issue) => fields.includes(issue.field.split('.')[0] ?? ''));
}

/** What a schema's `safeParse` reports, reduced to the api's issue shape (same dotted paths). */
export interface SafeParseLike {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}

export function issuesOfParse(result: SafeParseLike): FieldIssue[] {
  if (result.success || !result.error) return [];
  return result.error.issues.map((issue) => ({
    field: issue.path.map((segment) => String(segment)).join('.'),
    message: issue.message,
  }));
}

/** Items typed in one box, separated by commas, spaces or new lines; blanks dropped. */
export function splitWords(text: string): string[] {
  return text
    .split(/[\s,]+/u)
    .map((word) => word.trim())
    .filter(Boolean);
}

/** One item a line (responses, messages, terms); blank lines dropped, each line trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A whole number typed in a box. Empty is `fallback`; anything else that is not a plain number
 * becomes NaN so the schema (client or server) names the field instead of storing a guess.
 */
export function parseWholeNumber(text: string, fallback: number): number {
  const trimmed = text.trim();
  if (trimmed === '') return fallback;
  return /^-?\d+(\.\d+)?$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
}
