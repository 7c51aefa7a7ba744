/** Why a live command was refused; the message says what to do instead. */
export const MEETING_RULE_ERROR_CODES = [
  'meeting.illegal_transition',
  'meeting.no_more_questions',
  'meeting.no_previous_question',
  'meeting.no_questions',
] as const;
export type MeetingRuleErrorCode = (typeof MEETING_RULE_ERROR_CODES)[number];

export class MeetingRuleError extends Error {
  override readonly name = 'MeetingRuleError';

  constructor(
    readonly code: MeetingRuleErrorCode,
    message: string,
  ) {
    super(message);
  }
}
