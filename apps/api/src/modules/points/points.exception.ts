import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum PointsErrorCode {
  ViewerNotFound = 'points.viewer_not_found',
  /** A ledger amount that is not a positive whole number. */
  InvalidAmount = 'points.invalid_amount',
  /** A spend or a negative adjustment larger than the balance. */
  InsufficientBalance = 'points.insufficient_balance',
  /** A history cursor that is not one this api handed out. */
  InvalidCursor = 'points.invalid_cursor',
}

const KIND: Record<PointsErrorCode, ErrorKind> = {
  [PointsErrorCode.ViewerNotFound]: 'not_found',
  [PointsErrorCode.InvalidAmount]: 'invalid',
  [PointsErrorCode.InsufficientBalance]: 'conflict',
  [PointsErrorCode.InvalidCursor]: 'invalid',
};

export class PointsException extends DomainException {
  constructor(code: PointsErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
