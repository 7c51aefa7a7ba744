import type { AnswerInput, MyAnswerDto, QuestionDto, RatingScale } from '@podium/contracts';
import { QuestionRuleError } from './question-rule.error';
import type {
  PollQuestionDto,
  QuizQuestionDto,
  RatingQuestionDto,
  WordCloudQuestionDto,
} from './question-types';
import { isBannedWord, normalizeWord } from './word.rules';

export interface AcceptedAnswer {
  /** What to store (and ack): choice ids in the question's order, words normalized and accumulated. */
  answer: MyAnswerDto;
  /** Quizzes only; null for every other type. */
  correct: boolean | null;
}

/** The values a rating answer may take, inclusive. */
export const RATING_RANGES: Readonly<Record<RatingScale, { min: number; max: number }>> = {
  stars5: { min: 1, max: 5 },
  ten: { min: 1, max: 10 },
  slider100: { min: 0, max: 100 },
};

/**
 * Checks an attendee's answer against its question (the organizer-side DTO, with `correct` on quiz
 * choices) and their previous answer. Throws `QuestionRuleError`; nothing is stored on a throw.
 *
 * When changes are not allowed, any second submission is refused, even an identical one: a retry
 * must never move `answered_at`, which decides the first-correct bonus. Word clouds are additive:
 * each submission adds one word to the attendee's list.
 */
export function acceptAnswer(
  question: QuestionDto,
  input: AnswerInput,
  previous: MyAnswerDto | null,
): AcceptedAnswer {
  switch (question.type) {
    case 'slide':
    case 'qa':
      throw new QuestionRuleError('answer.not_answerable', 'This question takes no answers.');
    case 'poll':
      return { answer: acceptChoices(question, input, previous), correct: null };
    case 'quiz': {
      const answer = acceptChoices(question, input, previous);
      return { answer, correct: isCorrectQuizAnswer(question, answer.choiceIds) };
    }
    case 'wordcloud':
      return { answer: acceptWord(question, input, previous), correct: null };
    case 'rating':
      return { answer: acceptRating(question, input, previous), correct: null };
  }
}

/** Single selection: any correct choice. Multiple selection: exactly the set of correct choices. */
export function isCorrectQuizAnswer(
  question: Pick<QuizQuestionDto, 'choices' | 'multiple'>,
  choiceIds: readonly string[],
): boolean {
  const correct = new Set(question.choices.filter((c) => c.correct === true).map((c) => c.id));
  const chosen = new Set(choiceIds);
  if (chosen.size === 0 || correct.size === 0) return false;
  if (!question.multiple) {
    return chosen.size === 1 && [...chosen].every((id) => correct.has(id));
  }
  return chosen.size === correct.size && [...chosen].every((id) => correct.has(id));
}

function wrongType(expected: QuestionDto['type']): QuestionRuleError {
  return new QuestionRuleError('answer.wrong_type', `This question takes a ${expected} answer.`);
}

function refuseChange(allowAnswerChange: boolean, previous: MyAnswerDto | null): void {
  if (previous !== null && !allowAnswerChange) {
    throw new QuestionRuleError('answer.already_answered', 'You have already answered this question.');
  }
}

function acceptChoices<Q extends PollQuestionDto | QuizQuestionDto>(
  question: Q,
  input: AnswerInput,
  previous: MyAnswerDto | null,
): { type: Q['type']; choiceIds: string[] } {
  if (input.type !== question.type) throw wrongType(question.type);
  refuseChange(question.allowAnswerChange, previous);
  const chosen = new Set(input.choiceIds);
  if (chosen.size === 0) {
    throw new QuestionRuleError('answer.unknown_choice', 'Pick a choice.', 'choiceIds');
  }
  const known = new Set(question.choices.map((choice) => choice.id));
  if ([...chosen].some((id) => !known.has(id))) {
    throw new QuestionRuleError(
      'answer.unknown_choice',
      'That choice is not part of the question (it may have been edited): reload it.',
      'choiceIds',
    );
  }
  if (!question.multiple && chosen.size > 1) {
    throw new QuestionRuleError('answer.single_choice', 'Pick only one choice.', 'choiceIds');
  }
  // The question's order, so equal answers are stored equal whatever order they were tapped in.
  const choiceIds = question.choices.map((choice) => choice.id).filter((id) => chosen.has(id));
  return { type: question.type, choiceIds };
}

function acceptWord(
  question: WordCloudQuestionDto,
  input: AnswerInput,
  previous: MyAnswerDto | null,
): MyAnswerDto {
  if (input.type !== 'wordcloud') throw wrongType('wordcloud');
  const word = normalizeWord(input.word, question.maxWordLength);
  if (isBannedWord(word, question.bannedWords)) {
    throw new QuestionRuleError('answer.banned_word', 'That word is not allowed here.', 'word');
  }
  const words = previous?.type === 'wordcloud' ? previous.words : [];
  if (words.length >= question.maxWordsPerAttendee) {
    throw new QuestionRuleError(
      'answer.too_many_words',
      `You can send at most ${question.maxWordsPerAttendee} words.`,
      'word',
    );
  }
  if (words.includes(word)) {
    throw new QuestionRuleError('answer.duplicate_word', 'You have already sent that word.', 'word');
  }
  return { type: 'wordcloud', words: [...words, word] };
}

function acceptRating(
  question: RatingQuestionDto,
  input: AnswerInput,
  previous: MyAnswerDto | null,
): MyAnswerDto {
  if (input.type !== 'rating') throw wrongType('rating');
  refuseChange(question.allowAnswerChange, previous);
  const { min, max } = RATING_RANGES[question.scale];
  if (!Number.isInteger(input.value) || input.value < min || input.value > max) {
    throw new QuestionRuleError('answer.out_of_range', `Pick a whole number from ${min} to ${max}.`, 'value');
  }
  return { type: 'rating', value: input.value };
}
