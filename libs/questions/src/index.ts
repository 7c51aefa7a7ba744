export * from './question-rule.error';
export * from './question-types';
export * from './choice-ids.rules';
export * from './word.rules';
export * from './answer.rules';
export * from './quiz-scoring.rules';
export * from './results.rules';
export * from './results-visibility.rules';
