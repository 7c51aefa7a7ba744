import { renderTemplate, type RandomSource, type TemplateValues } from '@podium/bots';
import { BOT_LIMITS } from '@podium/contracts';

/** Who is pretending to call the command in the preview, and with what. */
export interface PreviewSample {
  user: string;
  args: string;
  /** `{count}`: the answer this would be (uses so far + 1). */
  count: number;
  /** `{points}` and `{currency}`: made-up values until the points economy is there. */
  points: number;
  currency: string;
}

export const DEFAULT_PREVIEW_SAMPLE: PreviewSample = {
  user: 'Ada',
  args: 'hello world',
  count: 1,
  points: 1200,
  currency: 'points',
};

export interface PreviewLine {
  template: string;
  /** What the bot would post, as plain text (React escapes it). */
  text: string;
  /** Rendered to nothing: the bot would stay silent. */
  empty: boolean;
  /** Longer than a response may be once rendered (the platform splits or refuses it). */
  tooLong: boolean;
}

/**
 * Each response rendered with the sample, exactly as the bot renders it (`@podium/bots`'
 * `renderTemplate`); `{random:a|b}` picks with `random`, so the preview can be re-rolled.
 */
export function previewResponses(
  templates: readonly string[],
  sample: PreviewSample,
  random: RandomSource = Math.random,
): PreviewLine[] {
  const values: TemplateValues = {
    user: sample.user.trim() || DEFAULT_PREVIEW_SAMPLE.user,
    args: sample.args,
    count: sample.count,
    points: sample.points,
    currency: sample.currency,
  };
  return templates.map((template) => {
    const text = renderTemplate(template, values, random);
    return { template, text, empty: text === '', tooLong: text.length > BOT_LIMITS.responseMax };
  });
}

/** The chat line the sample types: `!name args`. */
export function sampleCall(prefix: string, name: string, args: string): string {
  return `${prefix}${name}${args.trim() ? ` ${args.trim()}` : ''}`;
}

/** A random source that repeats `seed`'s sequence: the same preview until the organizer re-rolls. */
export function seededRandom(seed: number): RandomSource {
  // mulberry32: consecutive small seeds give unrelated first values (xorshift's do not).
  let state = Math.floor(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
