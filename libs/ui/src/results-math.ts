import type { ChoiceDto, QaEntryDto, ScoreEntryDto } from '@podium/contracts';

/** Whole-number share of `total`; 0 when nobody answered (never NaN). */
export function percent(count: number, total: number): number {
  if (total <= 0 || count <= 0) return 0;
  return Math.round((count / total) * 100);
}

export interface ChoiceBar {
  id: string;
  label: string;
  count: number;
  /** Share of the attendees who answered (multiple-choice shares can add up past 100). */
  percent: number;
  /** Bar length relative to the longest bar, 0..1, so the leader fills the track. */
  fill: number;
  /** null while correctness is secret or for polls. */
  correct: boolean | null;
}

/** One bar per choice, in the question's order. */
export function choiceBars(
  choices: readonly ChoiceDto[],
  counts: Readonly<Record<string, number>>,
  answered: number,
  correctChoiceIds: readonly string[] | null,
): ChoiceBar[] {
  const values = choices.map((choice) => Math.max(0, counts[choice.id] ?? 0));
  const total = answered > 0 ? answered : values.reduce((sum, n) => sum + n, 0);
  const max = Math.max(0, ...values);
  return choices.map((choice, i) => {
    const count = values[i] ?? 0;
    return {
      id: choice.id,
      label: choice.label,
      count,
      percent: percent(count, total),
      fill: max > 0 ? count / max : 0,
      correct: correctChoiceIds === null ? null : correctChoiceIds.includes(choice.id),
    };
  });
}

export interface CloudWord {
  text: string;
  count: number;
  /** 0..1: font size between the cloud's smallest and largest (area grows with the count). */
  weight: number;
  /** 0..4: a colour picked from the text, so a word keeps its colour as the cloud changes. */
  tone: number;
}

const CLOUD_TONES = 5;

function toneOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % CLOUD_TONES;
}

/**
 * The words of a cloud, biggest in the middle: sorted by count (then text, so equal counts do not
 * jump around), then dealt out to both sides of the centre. Sizes grow with the square root of the
 * count so a word twice as frequent takes about twice the area.
 */
export function cloudWords(words: readonly { text: string; count: number }[], limit = 60): CloudWord[] {
  const sorted = words
    .filter((word) => word.count > 0 && word.text.length > 0)
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, Math.max(0, limit));
  if (sorted.length === 0) return [];
  const high = Math.sqrt(sorted[0]?.count ?? 1);
  const low = Math.sqrt(sorted[sorted.length - 1]?.count ?? 1);
  const weighted = sorted.map((word) => ({
    text: word.text,
    count: word.count,
    weight: high === low ? 0.6 : (Math.sqrt(word.count) - low) / (high - low),
    tone: toneOf(word.text),
  }));
  const left: CloudWord[] = [];
  const right: CloudWord[] = [];
  weighted.forEach((word, i) => (i % 2 === 0 ? right : left).push(word));
  return [...left.reverse(), ...right];
}

/** Pinned first, then the most upvoted, then the oldest; hidden ones only when asked (organizers). */
export function sortQaEntries(entries: readonly QaEntryDto[], showHidden: boolean): QaEntryDto[] {
  return entries
    .filter((entry) => showHidden || !entry.hidden)
    .sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) ||
        Number(a.answered) - Number(b.answered) ||
        b.upvotes - a.upvotes ||
        a.createdAt.localeCompare(b.createdAt),
    );
}

export interface ScoreboardRows {
  top: ScoreEntryDto[];
  /** The highlighted attendee when they are not in the top rows (shown after a gap). */
  extra: ScoreEntryDto | null;
}

export function scoreboardRows(
  entries: readonly ScoreEntryDto[],
  top: number,
  highlightId: string | null,
): ScoreboardRows {
  const shown = entries.slice(0, Math.max(0, top));
  const inTop = highlightId === null || shown.some((entry) => entry.attendeeId === highlightId);
  const extra = inTop ? null : (entries.find((entry) => entry.attendeeId === highlightId) ?? null);
  return { top: shown, extra };
}

/** `mm:ss` for a countdown (hours are not expected: time limits stop at one hour). */
export function formatSeconds(seconds: number): string {
  const safe = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(safe / 60);
  return `${minutes}:${String(safe % 60).padStart(2, '0')}`;
}

/** Join codes read better in two halves (`ABC DEF`); the text itself stays unspaced. */
export function joinCodeHalves(code: string): [string, string] {
  const middle = Math.ceil(code.length / 2);
  return [code.slice(0, middle), code.slice(middle)];
}
