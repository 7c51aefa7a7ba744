import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../../common/errors/domain.exception';

export enum KofiErrorCode {
  /** No workspace has this webhook URL (never configured, or rotated away). */
  WebhookUnknown = 'kofi.webhook_unknown',
  /** The delivery's verification token is not the workspace's (or none is configured yet). */
  WebhookUnauthenticated = 'kofi.webhook_unauthenticated',
  /** Not a Ko-fi delivery: no form field `data`, not JSON, or not a payment. */
  WebhookMalformed = 'kofi.webhook_malformed',
  ViewerNotFound = 'kofi.viewer_not_found',
  InvalidEmail = 'kofi.invalid_email',
  /** A viewer tried to link an e-mail another viewer already linked (a moderator can move it). */
  EmailTaken = 'kofi.email_taken',
  LinkNotFound = 'kofi.link_not_found',
}

const KIND: Record<KofiErrorCode, ErrorKind> = {
  [KofiErrorCode.WebhookUnknown]: 'not_found',
  [KofiErrorCode.WebhookUnauthenticated]: 'unauthenticated',
  [KofiErrorCode.WebhookMalformed]: 'invalid',
  [KofiErrorCode.ViewerNotFound]: 'not_found',
  [KofiErrorCode.InvalidEmail]: 'invalid',
  [KofiErrorCode.EmailTaken]: 'conflict',
  [KofiErrorCode.LinkNotFound]: 'not_found',
};

export class KofiException extends DomainException {
  constructor(code: KofiErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
