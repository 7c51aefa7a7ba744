import type { ModerationAction, ModerationRule, ModerationSettingsDto, ViewerRole } from '@podium/contracts';
import { firstForbiddenLink, normalizeDomain } from './moderation-links.rules';
import { compileTerm, type TermMatcher, termProblem } from './moderation-patterns.rules';
import { capsShare, longestCharRun, mostRepeatedWord } from './moderation-spam.rules';

/** What moderation looks at in a chat message. */
export interface ModeratedMessage {
  text: string;
  roles: readonly ViewerRole[];
  /** Emotes in the message (from the platform's fragments); 0 where the platform has none. */
  emotes: number;
}

/** A rule the message broke and what to do about it. */
export interface ModerationVerdict {
  rule: ModerationRule;
  /** What matched, in words, for the log: the term, the link's domain, "82 % capitals"… */
  detail: string;
  action: ModerationAction;
  /** The filter's warning template, if it has one (render with `renderModerationWarning`). */
  warning: string | null;
}

/** Settings with their terms compiled once (compile on save or on load, never per message). */
export interface CompiledModeration {
  readonly settings: ModerationSettingsDto;
  readonly terms: readonly TermMatcher[];
}

/** A field of the settings that cannot be saved, named as the 400 names it. */
export interface ModerationSettingsIssue {
  field: string;
  message: string;
}

/** Every banned term that would not compile or could backtrack, by `bannedTerms.terms.<i>.pattern`. */
export function moderationSettingsIssues(settings: ModerationSettingsDto): ModerationSettingsIssue[] {
  const issues: ModerationSettingsIssue[] = [];
  settings.bannedTerms.terms.forEach((term, index) => {
    const problem = termProblem(term);
    if (problem) issues.push({ field: `bannedTerms.terms.${index}.pattern`, message: problem });
  });
  settings.links.allowedDomains.forEach((domain, index) => {
    if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(normalizeDomain(domain)))
      issues.push({ field: `links.allowedDomains.${index}`, message: 'is not a domain name' });
  });
  return issues;
}

/** Compiles valid settings; throws if `moderationSettingsIssues` would list anything. */
export function compileModeration(settings: ModerationSettingsDto): CompiledModeration {
  return { settings, terms: settings.bannedTerms.terms.map(compileTerm) };
}

/**
 * The verdict on one message, or null when it passes (moderation off, an exempt role, nothing
 * broken). When several filters object, the harshest action wins (ban, then the longest timeout,
 * then delete); on a tie the first in order: banned terms, links, spam, caps.
 */
export function judgeMessage(
  compiled: CompiledModeration,
  message: ModeratedMessage,
): ModerationVerdict | null {
  const { settings } = compiled;
  if (!settings.enabled) return null;
  if (message.roles.some((role) => settings.exemptRoles.includes(role))) return null;
  const verdicts = [
    bannedTermVerdict(compiled, message),
    linkVerdict(settings, message),
    spamVerdict(settings, message),
    capsVerdict(settings, message),
  ].filter((verdict): verdict is ModerationVerdict => verdict !== null);
  return verdicts.reduce<ModerationVerdict | null>(
    (worst, verdict) =>
      worst === null || severity(verdict.action) > severity(worst.action) ? verdict : worst,
    null,
  );
}

/** `{user}` and `{rule}` filled in; other braces stay as written. */
export function renderModerationWarning(
  template: string,
  values: { user: string; rule: ModerationRule },
): string {
  return template.replace(/\{(user|rule)\}/gu, (_, key: 'user' | 'rule') =>
    key === 'user' ? values.user : RULE_WORDS[values.rule],
  );
}

const RULE_WORDS: Record<ModerationRule, string> = {
  banned_term: 'banned words',
  link: 'links',
  caps: 'too many capitals',
  spam: 'spam',
};

/** Ban above any timeout, a longer timeout above a shorter one, delete last. */
export function severity(action: ModerationAction): number {
  switch (action.type) {
    case 'ban':
      return Number.MAX_SAFE_INTEGER;
    case 'timeout':
      return action.seconds;
    case 'delete':
      return 0;
  }
}

function bannedTermVerdict(
  compiled: CompiledModeration,
  message: ModeratedMessage,
): ModerationVerdict | null {
  const filter = compiled.settings.bannedTerms;
  if (!filter.enabled) return null;
  const hit = compiled.terms.find((matcher) => matcher.matches(message.text));
  if (!hit) return null;
  return verdict('banned_term', `${hit.term.kind} "${hit.term.pattern}"`, filter);
}

function linkVerdict(settings: ModerationSettingsDto, message: ModeratedMessage): ModerationVerdict | null {
  const filter = settings.links;
  if (!filter.enabled || message.roles.some((role) => filter.allowedRoles.includes(role))) return null;
  const host = firstForbiddenLink(message.text, filter.allowedDomains);
  return host === null ? null : verdict('link', `link to ${host}`, filter);
}

function spamVerdict(settings: ModerationSettingsDto, message: ModeratedMessage): ModerationVerdict | null {
  const filter = settings.spam;
  if (!filter.enabled) return null;
  const length = [...message.text].length;
  if (filter.maxLength !== null && length > filter.maxLength)
    return verdict('spam', `${length} characters (at most ${filter.maxLength})`, filter);
  if (filter.maxEmotes !== null && message.emotes > filter.maxEmotes)
    return verdict('spam', `${message.emotes} emotes (at most ${filter.maxEmotes})`, filter);
  if (filter.maxRepeatedChars !== null) {
    const run = longestCharRun(message.text);
    if (run.length > filter.maxRepeatedChars)
      return verdict('spam', `"${run.char}" ${run.length} times in a row`, filter);
  }
  if (filter.maxRepeatedWords !== null) {
    const word = mostRepeatedWord(message.text);
    if (word.count > filter.maxRepeatedWords)
      return verdict('spam', `"${word.word}" ${word.count} times`, filter);
  }
  return null;
}

function capsVerdict(settings: ModerationSettingsDto, message: ModeratedMessage): ModerationVerdict | null {
  const filter = settings.caps;
  if (!filter.enabled) return null;
  const share = capsShare(message.text);
  if (share.letters < filter.minLetters || share.percent <= filter.maxPercent) return null;
  return verdict('caps', `${share.percent} % capitals`, filter);
}

function verdict(
  rule: ModerationRule,
  detail: string,
  filter: { action: ModerationAction; warning: string | null },
): ModerationVerdict {
  return { rule, detail, action: filter.action, warning: filter.warning };
}
