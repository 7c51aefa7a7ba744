import type {
  MyAnswerDto,
  QaEntryDto,
  QuestionDto,
  QuestionResultsDto,
  RatingScale,
} from '@podium/contracts';
import { isCorrectQuizAnswer, RATING_RANGES } from './answer.rules';

/** How many distinct words a word cloud shows (the rest are too rare to be read anyway). */
export const WORD_CLOUD_RESULTS_LIMIT = 100;

export interface ResultAnswer {
  attendeeId: string;
  payload: MyAnswerDto;
  correct: boolean | null;
}

export interface RatingStats {
  mean: number | null;
  median: number | null;
  distribution: { label: string; count: number }[];
}

/**
 * Count per choice id, every choice present (0 when nobody picked it). Ids no longer in the
 * question (a choice deleted after answers came in) are ignored; an id repeated in one answer counts once.
 */
export function tallyChoices(
  choices: readonly { id: string }[],
  choiceIdLists: readonly (readonly string[])[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const choice of choices) counts[choice.id] = 0;
  for (const ids of choiceIdLists) {
    for (const id of new Set(ids)) {
      const current = counts[id];
      if (current !== undefined) counts[id] = current + 1;
    }
  }
  return counts;
}

/**
 * Mean (2 decimals), median (even count: mean of the two middle values) and one bucket per value
 * (stars5, ten) or per tenth (slider100: 0-9 … 90-100). Values outside the scale are ignored.
 */
export function ratingStats(scale: RatingScale, values: readonly number[]): RatingStats {
  const { min, max } = RATING_RANGES[scale];
  const valid = values.filter((v) => Number.isInteger(v) && v >= min && v <= max).sort((a, b) => a - b);
  const buckets = ratingBuckets(scale);
  const distribution = buckets.map((bucket) => ({
    label: bucket.label,
    count: valid.filter((v) => v >= bucket.from && v <= bucket.to).length,
  }));
  if (valid.length === 0) return { mean: null, median: null, distribution };

  const sum = valid.reduce((total, v) => total + v, 0);
  const upper = valid[Math.floor(valid.length / 2)] ?? 0;
  const lower = valid[Math.ceil(valid.length / 2) - 1] ?? 0;
  return { mean: round2(sum / valid.length), median: round2((lower + upper) / 2), distribution };
}

function ratingBuckets(scale: RatingScale): { label: string; from: number; to: number }[] {
  switch (scale) {
    case 'stars5':
    case 'ten': {
      const { min, max } = RATING_RANGES[scale];
      return Array.from({ length: max - min + 1 }, (_, i) => ({
        label: String(min + i),
        from: min + i,
        to: min + i,
      }));
    }
    case 'slider100':
      return Array.from({ length: 10 }, (_, i) => {
        const from = i * 10;
        const to = i === 9 ? 100 : from + 9;
        return { label: `${from}-${to}`, from, to };
      });
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Distinct words with how many attendees sent them, most frequent first, ties by text (code-unit
 * order, the same on every machine), at most `limit`.
 */
export function wordFrequencies(
  wordLists: readonly (readonly string[])[],
  limit: number,
): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const words of wordLists) {
    for (const word of new Set(words)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || compareText(a.text, b.text))
    .slice(0, Math.max(0, limit));
}

/** Pinned first, then most upvoted, then oldest (then id, so equal entries keep one order). */
export function sortQaEntries(entries: readonly QaEntryDto[]): QaEntryDto[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      b.upvotes - a.upvotes ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      compareText(a.id, b.id),
  );
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Results of one question. `reveal` shows a quiz's correct choices and correct count (organizers
 * all along, everyone once it is closed); otherwise they are null. Answers of another type than
 * the question (it was replaced by another type) are ignored. The caller passes the Q&A entries
 * the audience may see (no hidden ones for attendees and overlays).
 */
export function buildResults(
  question: QuestionDto,
  answers: readonly ResultAnswer[],
  qaEntries: readonly QaEntryDto[],
  reveal: boolean,
): QuestionResultsDto {
  const questionId = question.id;
  switch (question.type) {
    case 'slide':
      return { type: 'slide', questionId };
    case 'qa':
      return { type: 'qa', questionId, entries: sortQaEntries(qaEntries) };
    case 'poll': {
      const lists = answers.flatMap((a) => (a.payload.type === 'poll' ? [a.payload.choiceIds] : []));
      return {
        type: 'poll',
        questionId,
        answered: lists.length,
        counts: tallyChoices(question.choices, lists),
      };
    }
    case 'quiz': {
      const quizAnswers = answers.flatMap((a) =>
        a.payload.type === 'quiz' ? [{ choiceIds: a.payload.choiceIds, correct: a.correct }] : [],
      );
      const counts = tallyChoices(
        question.choices,
        quizAnswers.map((a) => a.choiceIds),
      );
      if (!reveal) {
        return {
          type: 'quiz',
          questionId,
          answered: quizAnswers.length,
          counts,
          correctChoiceIds: null,
          correctCount: null,
        };
      }
      return {
        type: 'quiz',
        questionId,
        answered: quizAnswers.length,
        counts,
        correctChoiceIds: question.choices.filter((c) => c.correct === true).map((c) => c.id),
        // The stored verdict is what was scored; judge again only when it was not stored.
        correctCount: quizAnswers.filter((a) => a.correct ?? isCorrectQuizAnswer(question, a.choiceIds))
          .length,
      };
    }
    case 'wordcloud': {
      const lists = answers.flatMap((a) =>
        a.payload.type === 'wordcloud' && a.payload.words.length > 0 ? [a.payload.words] : [],
      );
      return {
        type: 'wordcloud',
        questionId,
        answered: lists.length,
        words: wordFrequencies(lists, WORD_CLOUD_RESULTS_LIMIT),
      };
    }
    case 'rating': {
      const values = answers.flatMap((a) => (a.payload.type === 'rating' ? [a.payload.value] : []));
      return { type: 'rating', questionId, answered: values.length, ...ratingStats(question.scale, values) };
    }
  }
}
