import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum ReportsErrorCode {
  ReportNotFound = 'reports.report_not_found',
  /** The stream or meeting a report was of is gone: it cannot be recomputed. */
  SourceGone = 'reports.source_gone',
}

const KIND: Record<ReportsErrorCode, ErrorKind> = {
  [ReportsErrorCode.ReportNotFound]: 'not_found',
  [ReportsErrorCode.SourceGone]: 'conflict',
};

export class ReportsException extends DomainException {
  constructor(code: ReportsErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
