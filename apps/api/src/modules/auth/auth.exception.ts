import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum AuthErrorCode {
  Unauthenticated = 'auth.unauthenticated',
  InvalidCredentials = 'auth.invalid_credentials',
  TooManyAttempts = 'auth.too_many_attempts',
  EmailTaken = 'auth.email_taken',
  AlreadySetUp = 'auth.already_set_up',
}

const KIND: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.Unauthenticated]: 'unauthenticated',
  [AuthErrorCode.InvalidCredentials]: 'unauthenticated',
  [AuthErrorCode.TooManyAttempts]: 'rate_limited',
  [AuthErrorCode.EmailTaken]: 'conflict',
  [AuthErrorCode.AlreadySetUp]: 'conflict',
};

export class AuthException extends DomainException {
  constructor(code: AuthErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
