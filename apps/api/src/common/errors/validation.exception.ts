import type { StandardSchemaV1 } from '@standard-schema/spec';
import { DomainException } from './domain.exception';

export interface FieldIssue {
  field: string;
  message: string;
}

function fieldOf(path: StandardSchemaV1.Issue['path']): string {
  return (path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');
}

/** Bad input: names the first field at fault and lists every issue. */
export class ValidationException extends DomainException {
  constructor(readonly issues: FieldIssue[]) {
    const first = issues[0];
    const message = first ? `${first.field || 'body'} ${first.message}` : 'invalid input';
    super('validation.failed', 'invalid', message, { field: first?.field || undefined });
  }

  static fromIssues(issues: readonly StandardSchemaV1.Issue[], prefix?: string): ValidationException {
    return new ValidationException(
      issues.map((issue) => {
        const path = fieldOf(issue.path);
        return { field: [prefix, path].filter(Boolean).join('.'), message: issue.message };
      }),
    );
  }
}
