import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum ChatErrorCode {
  ConnectionNotFound = 'chat.connection_not_found',
  PlatformNotConfigured = 'chat.platform_not_configured',
  OAuthStateInvalid = 'chat.oauth_state_invalid',
  OAuthFailed = 'chat.oauth_failed',
  PlatformRejected = 'chat.platform_rejected',
  ViewerNotFound = 'chat.viewer_not_found',
  MergeInvalid = 'chat.merge_invalid',
  WebhookRejected = 'chat.webhook_rejected',
  WebhookUnknown = 'chat.webhook_unknown',
  NotInMeeting = 'chat.not_in_meeting',
  RateLimited = 'chat.rate_limited',
  WebhookMalformed = 'chat.webhook_malformed',
  PlatformUnreachable = 'chat.platform_unreachable',
  /** Moderation timed out or banned this attendee from the in-room chat. */
  Silenced = 'chat.silenced',
}

const KIND: Record<ChatErrorCode, ErrorKind> = {
  [ChatErrorCode.ConnectionNotFound]: 'not_found',
  [ChatErrorCode.PlatformNotConfigured]: 'unavailable',
  [ChatErrorCode.OAuthStateInvalid]: 'invalid',
  [ChatErrorCode.OAuthFailed]: 'invalid',
  [ChatErrorCode.PlatformRejected]: 'invalid',
  [ChatErrorCode.ViewerNotFound]: 'not_found',
  [ChatErrorCode.MergeInvalid]: 'invalid',
  [ChatErrorCode.WebhookRejected]: 'forbidden',
  [ChatErrorCode.WebhookUnknown]: 'not_found',
  [ChatErrorCode.NotInMeeting]: 'forbidden',
  [ChatErrorCode.RateLimited]: 'rate_limited',
  [ChatErrorCode.WebhookMalformed]: 'invalid',
  [ChatErrorCode.PlatformUnreachable]: 'unavailable',
  [ChatErrorCode.Silenced]: 'forbidden',
};

export class ChatException extends DomainException {
  constructor(code: ChatErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
