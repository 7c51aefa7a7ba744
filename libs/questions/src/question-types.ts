import type { QuestionDto, QuestionType } from '@podium/contracts';

export type QuestionOfType<T extends QuestionType> = Extract<QuestionDto, { type: T }>;
export type PollQuestionDto = QuestionOfType<'poll'>;
export type QuizQuestionDto = QuestionOfType<'quiz'>;
export type WordCloudQuestionDto = QuestionOfType<'wordcloud'>;
export type RatingQuestionDto = QuestionOfType<'rating'>;

/** Question types an attendee answers with `answer.submit` (Q&A has its own events, slides none). */
export const ANSWERABLE_QUESTION_TYPES = ['poll', 'quiz', 'wordcloud', 'rating'] as const;
export type AnswerableQuestionType = (typeof ANSWERABLE_QUESTION_TYPES)[number];

export function isAnswerable(type: QuestionType): type is AnswerableQuestionType {
  switch (type) {
    case 'poll':
    case 'quiz':
    case 'wordcloud':
    case 'rating':
      return true;
    case 'slide':
    case 'qa':
      return false;
  }
}
