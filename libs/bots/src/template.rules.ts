/** A number in [0, 1), like Math.random; injected so tests choose deterministically. */
export type RandomSource = () => number;

/**
 * What a response template can mention. Values that are not known yet (points before the points
 * economy has a balance for the viewer) are left undefined and render as an empty string.
 */
export interface TemplateValues {
  /** The caller's display name: `{user}`. */
  user: string;
  /** Everything after the command name: `{args}`; `{args.1}`, `{args.2}`… are its words. */
  args?: string;
  /** `{points}`: the caller's balance. */
  points?: number | string;
  /** `{currency}`: the name of the workspace's points. */
  currency?: string;
  /** `{count}`: how many times the command has answered. */
  count?: number;
}

/** One of several responses, chosen with `random`. */
export function pickResponse(responses: readonly string[], random: RandomSource = Math.random): string {
  if (responses.length === 0) return '';
  const index = Math.min(responses.length - 1, Math.max(0, Math.floor(random() * responses.length)));
  return responses[index] ?? '';
}

/** Whether any of the templates shows `{count}` (otherwise the count need not be known to answer). */
export function mentionsCount(templates: readonly string[]): boolean {
  return templates.some((template) => template.includes('{count}'));
}

const PLACEHOLDER = /\{(user|args|args\.(\d{1,2})|points|currency|count|random:([^{}]*))\}/g;

/**
 * Fills a template in one pass: what a value brings in (a viewer named "{args}") is never read
 * as a placeholder again. Unknown placeholders stay as written. The result is plain text, trimmed.
 */
export function renderTemplate(
  template: string,
  values: TemplateValues,
  random: RandomSource = Math.random,
): string {
  const words = (values.args ?? '').trim().split(/\s+/).filter(Boolean);
  return template
    .replace(PLACEHOLDER, (whole, key: string, argIndex?: string, choices?: string) => {
      if (argIndex !== undefined) return words[Number(argIndex) - 1] ?? '';
      if (choices !== undefined) return pickResponse(choices.split('|'), random);
      switch (key) {
        case 'user':
          return values.user;
        case 'args':
          return (values.args ?? '').trim();
        case 'points':
          return values.points === undefined ? '' : String(values.points);
        case 'currency':
          return values.currency ?? '';
        case 'count':
          return values.count === undefined ? '' : String(values.count);
        default:
          return whole;
      }
    })
    .trim();
}
