import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum MeetingErrorCode {
  NotFound = 'meeting.not_found',
  QuestionNotFound = 'meeting.question_not_found',
  /** The question is open in the live run: close it before editing or deleting it. */
  QuestionOpen = 'meeting.question_open',
  InvalidOrder = 'meeting.invalid_order',
  TooManyQuestions = 'meeting.too_many_questions',
  JoinCodeUnavailable = 'meeting.join_code_unavailable',
  UnknownJoinCode = 'meeting.unknown_join_code',
  NicknameTaken = 'meeting.nickname_taken',
  Ended = 'meeting.ended',
  FlagNotFound = 'flag.not_found',
  FlagCodeTaken = 'flag.code_taken',
}

const KIND: Record<MeetingErrorCode, ErrorKind> = {
  [MeetingErrorCode.NotFound]: 'not_found',
  [MeetingErrorCode.QuestionNotFound]: 'not_found',
  [MeetingErrorCode.QuestionOpen]: 'conflict',
  [MeetingErrorCode.InvalidOrder]: 'invalid',
  [MeetingErrorCode.TooManyQuestions]: 'conflict',
  [MeetingErrorCode.JoinCodeUnavailable]: 'unavailable',
  [MeetingErrorCode.UnknownJoinCode]: 'not_found',
  [MeetingErrorCode.NicknameTaken]: 'conflict',
  [MeetingErrorCode.Ended]: 'conflict',
  [MeetingErrorCode.FlagNotFound]: 'not_found',
  [MeetingErrorCode.FlagCodeTaken]: 'conflict',
};

export class MeetingException extends DomainException {
  constructor(code: MeetingErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
