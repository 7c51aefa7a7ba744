import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum OverlayErrorCode {
  TokenNotFound = 'overlay.token_not_found',
}

const KIND: Record<OverlayErrorCode, ErrorKind> = {
  [OverlayErrorCode.TokenNotFound]: 'not_found',
};

export class OverlayException extends DomainException {
  constructor(code: OverlayErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
