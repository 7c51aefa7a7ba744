/**
 * Every text the result components show, in English by default: apps pass their translations
 * (the overlay and the web have their own message tables; this lib has no i18n library).
 */
export interface ResultsLabels {
  /** "12 votes" */
  votes: (count: number) => string;
  /** "8 answers" */
  answers: (count: number) => string;
  correct: string;
  noAnswers: string;
  mean: string;
  median: string;
  /** "out of 5" */
  outOf: (max: number) => string;
  /** "paris, 4 times" (screen readers; the cloud shows the word only) */
  wordTimes: (word: string, count: number) => string;
  wordCloud: (wordCount: number) => string;
  questions: (count: number) => string;
  noQuestions: string;
  upvotes: (count: number) => string;
  pinned: string;
  answered: string;
  hidden: string;
  /** "Asked by Bob" */
  askedBy: (nickname: string) => string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const DEFAULT_RESULTS_LABELS: ResultsLabels = {
  votes: (count) => plural(count, 'vote', 'votes'),
  answers: (count) => plural(count, 'answer', 'answers'),
  correct: 'correct answer',
  noAnswers: 'No answers yet',
  mean: 'Average',
  median: 'Median',
  outOf: (max) => `out of ${max}`,
  wordTimes: (word, count) => `${word}, ${plural(count, 'time', 'times')}`,
  wordCloud: (wordCount) => `Word cloud, ${plural(wordCount, 'word', 'words')}`,
  questions: (count) => plural(count, 'question', 'questions'),
  noQuestions: 'No questions yet',
  upvotes: (count) => plural(count, 'upvote', 'upvotes'),
  pinned: 'Pinned',
  answered: 'Answered',
  hidden: 'Hidden',
  askedBy: (nickname) => `Asked by ${nickname}`,
};

export function resultsLabels(overrides: Partial<ResultsLabels> | undefined): ResultsLabels {
  return overrides ? { ...DEFAULT_RESULTS_LABELS, ...overrides } : DEFAULT_RESULTS_LABELS;
}

export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
