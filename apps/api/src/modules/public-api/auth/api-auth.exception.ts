import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../../common/errors/domain.exception';

export enum ApiAuthErrorCode {
  /** No `Authorization: Bearer` header, or a token that is unknown, revoked or expired. */
  InvalidToken = 'api.invalid_token',
  /** The token lacks the scope the route needs. */
  MissingScope = 'api.missing_scope',
  /** The workspace in the path is not the token's (reported as missing, not forbidden). */
  WorkspaceNotFound = 'api.workspace_not_found',
  RateLimited = 'api.rate_limited',
  TokenNotFound = 'api.token_not_found',
  IdempotencyKeyInvalid = 'api.idempotency_key_invalid',
  /** The same Idempotency-Key was sent with a different request. */
  IdempotencyKeyReused = 'api.idempotency_key_reused',
  /** The first request with this key is still running. */
  IdempotencyInProgress = 'api.idempotency_in_progress',
}

const KIND: Record<ApiAuthErrorCode, ErrorKind> = {
  [ApiAuthErrorCode.InvalidToken]: 'unauthenticated',
  [ApiAuthErrorCode.MissingScope]: 'forbidden',
  [ApiAuthErrorCode.WorkspaceNotFound]: 'not_found',
  [ApiAuthErrorCode.RateLimited]: 'rate_limited',
  [ApiAuthErrorCode.TokenNotFound]: 'not_found',
  [ApiAuthErrorCode.IdempotencyKeyInvalid]: 'invalid',
  [ApiAuthErrorCode.IdempotencyKeyReused]: 'unprocessable',
  [ApiAuthErrorCode.IdempotencyInProgress]: 'conflict',
};

export class ApiAuthException extends DomainException {
  constructor(code: ApiAuthErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
