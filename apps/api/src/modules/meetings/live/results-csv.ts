import type { QuestionDto, QuestionResultsDto, ScoreEntryDto } from '@podium/contracts';
import { stringify } from 'csv-stringify/sync';

type Cell = string | number | null;

export const RESULTS_CSV_HEADER = [
  'Position',
  'Question',
  'Type',
  'Option',
  'Count',
  'Share (%)',
  'Correct',
  'Answered',
  'Correct rate (%)',
] as const;

export const SCOREBOARD_CSV_HEADER = ['Rank', 'Nickname', 'Quiz points', 'Flag points', 'Total'] as const;

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return that hides one) as a
 * formula: prefixed with a quote it is shown as typed. Labels, words and nicknames are attendees'
 * or organizers' text, so every text cell goes through here.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** One row per option (choice, word, rating bucket or Q&A entry) of each question; slides have none. */
export function resultRows(question: QuestionDto, results: QuestionResultsDto): Cell[][] {
  const head = (option: string, count: number, share: number | null): Cell[] => [
    question.position + 1,
    question.title,
    question.type,
    option,
    count,
    share,
  ];
  switch (results.type) {
    case 'slide':
      return [];
    case 'poll': {
      const labels = question.type === 'poll' ? question.choices : [];
      return labels.map((choice) => {
        const count = results.counts[choice.id] ?? 0;
        return [...head(choice.label, count, percent(count, results.answered)), null, results.answered, null];
      });
    }
    case 'quiz': {
      const choices = question.type === 'quiz' ? question.choices : [];
      const correctIds = new Set(results.correctChoiceIds ?? []);
      const rate = results.correctCount === null ? null : percent(results.correctCount, results.answered);
      return choices.map((choice) => {
        const count = results.counts[choice.id] ?? 0;
        return [
          ...head(choice.label, count, percent(count, results.answered)),
          correctIds.has(choice.id) ? 'yes' : 'no',
          results.answered,
          rate,
        ];
      });
    }
    case 'wordcloud':
      return results.words.map((word) => [
        ...head(word.text, word.count, percent(word.count, results.answered)),
        null,
        results.answered,
        null,
      ]);
    case 'rating':
      return results.distribution.map((bucket) => [
        ...head(bucket.label, bucket.count, percent(bucket.count, results.answered)),
        null,
        results.answered,
        null,
      ]);
    case 'qa':
      // Q&A entries with their upvotes in the count column.
      return results.entries.map((entry) => [...head(entry.text, entry.upvotes, null), null, null, null]);
  }
}

export function toResultsCsv(
  questions: readonly { question: QuestionDto; results: QuestionResultsDto }[],
): string {
  const rows = questions.flatMap(({ question, results }) => resultRows(question, results));
  return toCsv(RESULTS_CSV_HEADER, rows);
}

export function toScoreboardCsv(ranking: readonly ScoreEntryDto[]): string {
  return toCsv(
    SCOREBOARD_CSV_HEADER,
    ranking.map((entry) => [entry.rank, entry.nickname, entry.quizPoints, entry.flagPoints, entry.total]),
  );
}

function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  const safe = rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell)),
  );
  // The byte-order mark lets spreadsheet apps read the accents of UTF-8 right.
  return stringify([[...header], ...safe], { bom: true, cast: { number: (n) => String(n) } });
}
