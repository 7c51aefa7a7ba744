/** Why an answer was refused; the api maps every code to a 4xx / ack error. */
export const QUESTION_RULE_ERROR_CODES = [
  'answer.wrong_type',
  'answer.unknown_choice',
  'answer.single_choice',
  'answer.out_of_range',
  'answer.empty_word',
  'answer.word_too_long',
  'answer.banned_word',
  'answer.too_many_words',
  'answer.duplicate_word',
  'answer.already_answered',
  'answer.not_answerable',
] as const;
export type QuestionRuleErrorCode = (typeof QUESTION_RULE_ERROR_CODES)[number];

export class QuestionRuleError extends Error {
  override readonly name = 'QuestionRuleError';

  constructor(
    readonly code: QuestionRuleErrorCode,
    message: string,
    /** The answer field at fault (`choiceIds`, `word`, `value`), when there is one. */
    readonly field?: string,
  ) {
    super(message);
  }
}
