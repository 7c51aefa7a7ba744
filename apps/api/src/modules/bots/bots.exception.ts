import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

/** The bots domain's error codes. Other bots areas add theirs here (and to KIND below). */
export enum BotsErrorCode {
  CommandNotFound = 'bots.command_not_found',
  CommandNameTaken = 'bots.command_name_taken',
  AutoResponseNotFound = 'bots.auto_response_not_found',
  AnnouncementNotFound = 'bots.announcement_not_found',
  RevolutionNotFound = 'bots.revolution_not_found',
  UnknownConnection = 'bots.unknown_connection',
  MediaNotFound = 'bots.media_not_found',
  MediaUnsupported = 'bots.media_unsupported',
  MediaWrongKind = 'bots.media_wrong_kind',
  AlertsForbidden = 'bots.alerts_forbidden',
}

const KIND: Record<BotsErrorCode, ErrorKind> = {
  [BotsErrorCode.CommandNotFound]: 'not_found',
  [BotsErrorCode.CommandNameTaken]: 'conflict',
  [BotsErrorCode.AutoResponseNotFound]: 'not_found',
  [BotsErrorCode.AnnouncementNotFound]: 'not_found',
  [BotsErrorCode.RevolutionNotFound]: 'not_found',
  [BotsErrorCode.UnknownConnection]: 'invalid',
  [BotsErrorCode.MediaNotFound]: 'not_found',
  [BotsErrorCode.MediaUnsupported]: 'invalid',
  [BotsErrorCode.MediaWrongKind]: 'invalid',
  [BotsErrorCode.AlertsForbidden]: 'forbidden',
};

export class BotsException extends DomainException {
  constructor(code: BotsErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
