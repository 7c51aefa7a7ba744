import type { AnswerInput, ChatWordCloudMode, QuestionDto } from '@podium/contracts';
import {
  canonicalText,
  isBannedWord,
  normalizeWord,
  QuestionRuleError,
  RATING_RANGES,
  wordLength,
} from '@podium/questions';

export interface ChatAnswerOptions {
  /** The workspace's command prefix (one character, `!` by default). */
  prefix: string;
  /** Whether a word cloud takes only `!wc word` or any short message as well. */
  wordCloud: ChatWordCloudMode;
}

/** The command words chat answers with: `!vote 2` for choices and ratings, `!wc word` for clouds. */
export const CHAT_VOTE_COMMAND = 'vote';
export const CHAT_WORD_COMMAND = 'wc';

/** Choice letters as chat types them: a for the first choice, … (choices are at most 10). */
const LETTERS = 'abcdefghij';
/** A line of choice tokens is made of these only: `2`, `b`, `1 3`, `1,3`, `a, c`. */
const CHOICE_CHARACTERS = /^[a-z0-9,; ]+$/i;
const CHOICE_SEPARATOR = /[\s,;]+/;
const INTEGER = /^\d{1,3}$/;

/**
 * A chat line as an answer to `question`, or null when it is not one. Normal chat must never
 * become an answer by accident: only a line made wholly of choice tokens (or the vote command),
 * a rating in the scale, or a word (by `!wc`, or a short message when the meeting allows it).
 * Out-of-range choices, several choices on a single-choice question, banned or too-long words:
 * null. What the answer path still refuses (a second answer, a closed question) is its own business.
 */
export function parseChatAnswer(
  question: QuestionDto,
  text: string,
  options: ChatAnswerOptions,
): AnswerInput | null {
  const line = text.trim().replace(/\s+/g, ' ');
  if (line === '') return null;
  const command = commandOf(line, options.prefix);
  switch (question.type) {
    case 'slide':
    case 'qa':
      return null;
    case 'poll':
    case 'quiz': {
      const body = bodyFor(line, command, CHAT_VOTE_COMMAND);
      if (body === null) return null;
      const choiceIds = parseChoices(body, question.choices, question.multiple);
      return choiceIds ? { type: question.type, choiceIds } : null;
    }
    case 'rating': {
      const body = bodyFor(line, command, CHAT_VOTE_COMMAND);
      if (body === null || !INTEGER.test(body)) return null;
      const value = Number(body);
      const { min, max } = RATING_RANGES[question.scale];
      return value >= min && value <= max ? { type: 'rating', value } : null;
    }
    case 'wordcloud': {
      let raw: string;
      if (command) {
        if (command.name !== CHAT_WORD_COMMAND) return null;
        raw = command.rest;
      } else if (options.wordCloud === 'any_short' && !line.startsWith(options.prefix)) {
        raw = line;
      } else {
        return null;
      }
      const word = acceptableWord(raw, question.maxWordLength, question.bannedWords);
      return word === null ? null : { type: 'wordcloud', word };
    }
  }
}

interface ChatCommand {
  name: string;
  rest: string;
}

/** `!vote 2` → { name: 'vote', rest: '2' }; null when the line is not a command. */
function commandOf(line: string, prefix: string): ChatCommand | null {
  if (prefix === '' || !line.startsWith(prefix)) return null;
  const afterPrefix = line.slice(prefix.length);
  const space = afterPrefix.indexOf(' ');
  const name = (space < 0 ? afterPrefix : afterPrefix.slice(0, space)).toLowerCase();
  if (name === '') return null;
  return { name, rest: space < 0 ? '' : afterPrefix.slice(space + 1).trim() };
}

/** The part of the line that holds the answer: after `!vote`, or the whole line; null for other commands. */
function bodyFor(line: string, command: ChatCommand | null, expected: string): string | null {
  if (!command) return line;
  return command.name === expected && command.rest !== '' ? command.rest : null;
}

function parseChoices(body: string, choices: readonly { id: string }[], multiple: boolean): string[] | null {
  if (!CHOICE_CHARACTERS.test(body)) return null;
  const tokens = body.split(CHOICE_SEPARATOR).filter((token) => token !== '');
  const indexes = new Set<number>();
  for (const token of tokens) {
    const index = choiceIndex(token.toLowerCase());
    if (index === null || index >= choices.length) return null;
    indexes.add(index);
  }
  if (indexes.size === 0 || (!multiple && indexes.size > 1)) return null;
  return choices.filter((_, index) => indexes.has(index)).map((choice) => choice.id);
}

/** 0-based index of `1`…`10` or `a`…`j`; null for anything else (`0`, `ab`, `k`). */
function choiceIndex(token: string): number | null {
  if (INTEGER.test(token)) {
    const n = Number(token);
    return n >= 1 ? n - 1 : null;
  }
  if (token.length === 1) {
    const letter = LETTERS.indexOf(token);
    return letter >= 0 ? letter : null;
  }
  return null;
}

/** The word as the word rules take it, or null when they would refuse it (empty, too long, banned). */
function acceptableWord(raw: string, maxLength: number, bannedWords: readonly string[]): string | null {
  const canonical = canonicalText(raw);
  if (canonical === '' || wordLength(canonical) > maxLength) return null;
  try {
    const word = normalizeWord(raw, maxLength);
    return isBannedWord(word, bannedWords) ? null : word;
  } catch (error) {
    if (error instanceof QuestionRuleError) return null;
    throw error;
  }
}
