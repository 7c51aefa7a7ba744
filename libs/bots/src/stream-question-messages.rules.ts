import type {
  ChatWordCloudMode,
  MeetingChatSettings,
  QuestionDto,
  QuestionResultsDto,
} from '@podium/contracts';
import { RATING_RANGES } from '@podium/questions';
import { CHAT_VOTE_COMMAND, CHAT_WORD_COMMAND } from './chat-answer.rules';

/** Labels and titles longer than this are cut with an ellipsis: a chat line is short. */
const LABEL_MAX = 40;
const TITLE_MAX = 150;
const TOP_CHOICES = 3;
const TOP_WORDS = 5;

function cut(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function heading(question: QuestionDto): string {
  return `Question ${question.position + 1}: ${cut(question.title, TITLE_MAX)}`;
}

/**
 * What the bot posts in stream chat when a question opens: the question, its choices and how to
 * answer from chat. Null for questions chat cannot answer (slides, Q&A).
 */
export function questionOpenedMessage(
  question: QuestionDto,
  options: { prefix: string; wordCloud: ChatWordCloudMode },
): string | null {
  const vote = `${options.prefix}${CHAT_VOTE_COMMAND}`;
  switch (question.type) {
    case 'slide':
    case 'qa':
      return null;
    case 'poll':
    case 'quiz': {
      const n = question.choices.length;
      const listed = question.choices.map((c, i) => `${i + 1}) ${cut(c.label, LABEL_MAX)}`).join(' ');
      const how = question.multiple
        ? `Answer with one or more of 1–${n} (like 1 3, or ${vote} 1 3)`
        : `Answer with 1–${n} (or ${vote} 2)`;
      return `${heading(question)} ${listed} — ${how}`;
    }
    case 'rating': {
      const { min, max } = RATING_RANGES[question.scale];
      return `${heading(question)} — Rate it ${min}–${max} (or ${vote} ${max})`;
    }
    case 'wordcloud': {
      const command = `${options.prefix}${CHAT_WORD_COMMAND} <word>`;
      const how =
        options.wordCloud === 'any_short' ? `Send a word (or ${command})` : `Send a word with ${command}`;
      return `${heading(question)} — ${how}`;
    }
  }
}

/**
 * What the bot posts when a question closes: that it closed and/or its results, as the meeting's
 * chat settings say. Null when neither is wanted or chat cannot answer the question.
 */
export function questionClosedMessage(
  question: QuestionDto,
  results: QuestionResultsDto,
  settings: Pick<MeetingChatSettings, 'announceClose' | 'announceResults'>,
): string | null {
  if (question.type === 'slide' || question.type === 'qa') return null;
  if (!settings.announceClose && !settings.announceResults) return null;
  const head = settings.announceClose
    ? `Question ${question.position + 1} is closed.`
    : `Question ${question.position + 1}:`;
  if (!settings.announceResults) return head;
  const summary = resultsSummary(question, results);
  return summary ? `${head} ${summary}` : head;
}

/** One line of results: top choices with percentages, the quiz's correct answer, top words, the mean. */
export function resultsSummary(question: QuestionDto, results: QuestionResultsDto): string | null {
  switch (results.type) {
    case 'slide':
    case 'qa':
      return null;
    case 'poll': {
      if (question.type !== 'poll') return null;
      if (results.answered === 0) return 'No answers.';
      const top = [...question.choices]
        .map((choice, index) => ({ choice, index, count: results.counts[choice.id] ?? 0 }))
        .filter((entry) => entry.count > 0)
        .sort((a, b) => b.count - a.count || a.index - b.index)
        .slice(0, TOP_CHOICES)
        .map(
          ({ choice, count }) =>
            `${cut(choice.label, LABEL_MAX)} ${Math.round((count / results.answered) * 100)}%`,
        );
      return `Results: ${top.join(', ')} (${answersCount(results.answered)})`;
    }
    case 'quiz': {
      if (question.type !== 'quiz') return null;
      const correctIds = new Set(
        results.correctChoiceIds ?? question.choices.filter((c) => c.correct).map((c) => c.id),
      );
      const correct = question.choices
        .map((choice, i) => ({ choice, i }))
        .filter(({ choice }) => correctIds.has(choice.id))
        .map(({ choice, i }) => `${i + 1}) ${cut(choice.label, LABEL_MAX)}`)
        .join(', ');
      const right =
        results.answered === 0
          ? 'No answers.'
          : `${results.correctCount ?? 0} of ${results.answered} got it right.`;
      return `Correct answer: ${correct}. ${right}`;
    }
    case 'wordcloud': {
      if (results.words.length === 0) return 'No words.';
      const top = [...results.words]
        .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
        .slice(0, TOP_WORDS)
        .map((word) => `${cut(word.text, LABEL_MAX)} (${word.count})`);
      return `Top words: ${top.join(', ')}`;
    }
    case 'rating': {
      if (results.mean === null || results.answered === 0) return 'No ratings.';
      const max = question.type === 'rating' ? ` of ${RATING_RANGES[question.scale].max}` : '';
      const mean = Math.round(results.mean * 10) / 10;
      return `Average ${mean}${max} (${results.answered} ${results.answered === 1 ? 'rating' : 'ratings'})`;
    }
  }
}

function answersCount(n: number): string {
  return `${n} ${n === 1 ? 'answer' : 'answers'}`;
}
