import { QuestionRuleError } from '../question-rule.error';

/** The QuestionRuleError `fn` throws; fails the test when it throws nothing or something else. */
export function ruleError(fn: () => unknown): QuestionRuleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof QuestionRuleError) return error;
    throw error;
  }
  throw new Error('expected a QuestionRuleError, nothing was thrown');
}
