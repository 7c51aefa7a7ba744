import { type MeetingRuleErrorCode, MeetingRuleError } from '@podium/meetings';
import { type QuestionRuleErrorCode, QuestionRuleError } from '@podium/questions';
import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../../common/errors/domain.exception';

/** What the live run refuses besides the rule libs' own codes (which LiveException carries too). */
export enum LiveErrorCode {
  /** `expectedVersion` is behind: another command went first (a double click lands here). */
  VersionConflict = 'meeting.version_conflict',
  /** This dashboard tab does not hold control, or the socket may not drive meetings. */
  NotInControl = 'meeting.not_in_control',
  /** An overlay asked for the live meeting and none is running. */
  NotLive = 'meeting.not_live',
  MeetingEnded = 'meeting.ended',
  /** The socket's audience may not send this event (an attendee sending a command). */
  WrongAudience = 'live.wrong_audience',
  QuestionNotOpen = 'answer.question_not_open',
  TooLate = 'answer.too_late',
  QaEntryNotFound = 'qa.entry_not_found',
  QaOwnEntry = 'qa.own_entry',
  QaTooManyQuestions = 'qa.too_many_questions',
  FlagWrongCode = 'flag.wrong_code',
  FlagAlreadyCaptured = 'flag.already_captured',
  FlagTooManyAttempts = 'flag.too_many_attempts',
}

export type LiveCode = LiveErrorCode | MeetingRuleErrorCode | QuestionRuleErrorCode;

// A Record over the whole union: a new rule code does not compile until it has a kind here.
const KIND: Record<LiveCode, ErrorKind> = {
  [LiveErrorCode.VersionConflict]: 'conflict',
  [LiveErrorCode.NotInControl]: 'forbidden',
  [LiveErrorCode.NotLive]: 'not_found',
  [LiveErrorCode.MeetingEnded]: 'conflict',
  [LiveErrorCode.WrongAudience]: 'forbidden',
  [LiveErrorCode.QuestionNotOpen]: 'conflict',
  [LiveErrorCode.TooLate]: 'conflict',
  [LiveErrorCode.QaEntryNotFound]: 'not_found',
  [LiveErrorCode.QaOwnEntry]: 'conflict',
  [LiveErrorCode.QaTooManyQuestions]: 'rate_limited',
  [LiveErrorCode.FlagWrongCode]: 'not_found',
  [LiveErrorCode.FlagAlreadyCaptured]: 'conflict',
  [LiveErrorCode.FlagTooManyAttempts]: 'rate_limited',
  'meeting.illegal_transition': 'conflict',
  'meeting.no_more_questions': 'conflict',
  'meeting.no_previous_question': 'conflict',
  'meeting.no_questions': 'conflict',
  'answer.wrong_type': 'invalid',
  'answer.unknown_choice': 'invalid',
  'answer.single_choice': 'invalid',
  'answer.out_of_range': 'invalid',
  'answer.empty_word': 'invalid',
  'answer.word_too_long': 'invalid',
  'answer.banned_word': 'invalid',
  'answer.too_many_words': 'conflict',
  'answer.duplicate_word': 'conflict',
  'answer.already_answered': 'conflict',
  'answer.not_answerable': 'conflict',
};

export class LiveException extends DomainException {
  constructor(code: LiveCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}

/** The rule libs throw plain errors (they know nothing of HTTP); give them their kind here. */
export function fromRuleError(error: unknown): unknown {
  if (error instanceof MeetingRuleError) return new LiveException(error.code, error.message);
  if (error instanceof QuestionRuleError) {
    return new LiveException(error.code, error.message, error.field ? { field: error.field } : undefined);
  }
  return error;
}
