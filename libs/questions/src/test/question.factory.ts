import type { QuestionDto } from '@podium/contracts';
import type {
  PollQuestionDto,
  QuestionOfType,
  QuizQuestionDto,
  RatingQuestionDto,
  WordCloudQuestionDto,
} from '../question-types';

const base = { id: 'q1', meetingId: 'm1', position: 0, title: 'Question', closedAt: null };

export function newPoll(overrides: Partial<PollQuestionDto> = {}): PollQuestionDto {
  return {
    ...base,
    type: 'poll',
    choices: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ],
    multiple: false,
    hideResultsUntilClosed: false,
    allowAnswerChange: true,
    timeLimitSeconds: null,
    ...overrides,
  };
}

export function newQuiz(overrides: Partial<QuizQuestionDto> = {}): QuizQuestionDto {
  return {
    ...base,
    type: 'quiz',
    choices: [
      { id: 'a', label: 'A', correct: true },
      { id: 'b', label: 'B', correct: false },
      { id: 'c', label: 'C', correct: false },
    ],
    multiple: false,
    scoring: 'standard',
    speedMaxPoints: 1_000,
    allowAnswerChange: false,
    timeLimitSeconds: null,
    ...overrides,
  };
}

export function newWordCloud(overrides: Partial<WordCloudQuestionDto> = {}): WordCloudQuestionDto {
  return {
    ...base,
    type: 'wordcloud',
    maxWordsPerAttendee: 3,
    maxWordLength: 25,
    bannedWords: [],
    timeLimitSeconds: null,
    ...overrides,
  };
}

export function newRating(overrides: Partial<RatingQuestionDto> = {}): RatingQuestionDto {
  return {
    ...base,
    type: 'rating',
    scale: 'stars5',
    hideResultsUntilClosed: false,
    allowAnswerChange: true,
    timeLimitSeconds: null,
    ...overrides,
  };
}

export function newSlide(overrides: Partial<QuestionOfType<'slide'>> = {}): QuestionDto {
  return { ...base, type: 'slide', body: '', imageUrl: null, ...overrides };
}

export function newQa(overrides: Partial<QuestionOfType<'qa'>> = {}): QuestionDto {
  return { ...base, type: 'qa', timeLimitSeconds: null, ...overrides };
}
