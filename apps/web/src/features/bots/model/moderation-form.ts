import {
  BANNED_TERM_KINDS,
  type BannedTerm,
  type BannedTermKind,
  type ModerationAction,
  type ModerationActionType,
  type ModerationSettingsDto,
  type UpdateModerationSettingsRequest,
  UpdateModerationSettingsSchema,
  type ViewerRole,
} from '@podium/contracts';
import { type Checked, checkWith, type FieldErrors, parseNumber } from './alerts-validation';

/** An action as the form holds it: the timeout's seconds stay typed text. */
export interface ActionDraft {
  type: ModerationActionType;
  seconds: string;
}

export interface FilterDraft {
  enabled: boolean;
  action: ActionDraft;
  /** '' = no warning. */
  warning: string;
}

/** The moderation settings while edited: lists are textareas (one entry a line), numbers text. */
export interface ModerationDraft {
  enabled: boolean;
  exemptRoles: ViewerRole[];
  bannedTerms: FilterDraft & { lines: Record<BannedTermKind, string> };
  links: FilterDraft & { allowedDomains: string; allowedRoles: ViewerRole[] };
  caps: FilterDraft & { minLetters: string; maxPercent: string };
  /** '' = not checked (null in the contract). */
  spam: FilterDraft & {
    maxRepeatedChars: string;
    maxRepeatedWords: string;
    maxEmotes: string;
    maxLength: string;
  };
}

const DEFAULT_TIMEOUT_SECONDS = 600;

function actionDraft(action: ModerationAction): ActionDraft {
  return {
    type: action.type,
    seconds: String(action.type === 'timeout' ? action.seconds : DEFAULT_TIMEOUT_SECONDS),
  };
}

function filterDraft(filter: {
  enabled: boolean;
  action: ModerationAction;
  warning: string | null;
}): FilterDraft {
  return { enabled: filter.enabled, action: actionDraft(filter.action), warning: filter.warning ?? '' };
}

const optional = (value: number | null): string => (value === null ? '' : String(value));

export function moderationDraft(settings: ModerationSettingsDto): ModerationDraft {
  const lines = Object.fromEntries(
    BANNED_TERM_KINDS.map((kind) => [
      kind,
      settings.bannedTerms.terms
        .filter((term) => term.kind === kind)
        .map((term) => term.pattern)
        .join('\n'),
    ]),
  ) as Record<BannedTermKind, string>;
  return {
    enabled: settings.enabled,
    exemptRoles: [...settings.exemptRoles],
    bannedTerms: { ...filterDraft(settings.bannedTerms), lines },
    links: {
      ...filterDraft(settings.links),
      allowedDomains: settings.links.allowedDomains.join('\n'),
      allowedRoles: [...settings.links.allowedRoles],
    },
    caps: {
      ...filterDraft(settings.caps),
      minLetters: String(settings.caps.minLetters),
      maxPercent: String(settings.caps.maxPercent),
    },
    spam: {
      ...filterDraft(settings.spam),
      maxRepeatedChars: optional(settings.spam.maxRepeatedChars),
      maxRepeatedWords: optional(settings.spam.maxRepeatedWords),
      maxEmotes: optional(settings.spam.maxEmotes),
      maxLength: optional(settings.spam.maxLength),
    },
  };
}

/** Non-empty lines, trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Where each term of the request came from: its kind and its line (1-based, blank lines counted). */
export interface TermSource {
  kind: BannedTermKind;
  line: number;
}

/** The request's `terms` (words, then wildcards, then regexes) with the line each one came from. */
export function bannedTermsOf(lines: Record<BannedTermKind, string>): {
  terms: BannedTerm[];
  sources: TermSource[];
} {
  const terms: BannedTerm[] = [];
  const sources: TermSource[] = [];
  for (const kind of BANNED_TERM_KINDS) {
    lines[kind].split(/\r?\n/).forEach((text, index) => {
      const pattern = text.trim();
      if (pattern === '') return;
      terms.push({ kind, pattern });
      sources.push({ kind, line: index + 1 });
    });
  }
  return { terms, sources };
}

export interface ModerationFormWords {
  notANumber: string;
  /** "Line {{line}}: {{message}}". */
  atLine: (line: number, message: string) => string;
}

const TERM_PATH = /^bannedTerms\.terms\.(\d+)(?:\.\w+)?$/;

/**
 * Errors keyed by contract path, with each banned term's (`bannedTerms.terms.3.pattern`, from the
 * page or from the server's 400) moved to its textarea (`bannedTerms.lines.regex`) and prefixed
 * with the line it is on. Several bad lines of a kind are all named.
 */
export function placeTermErrors(
  errors: FieldErrors,
  sources: readonly TermSource[],
  words: ModerationFormWords,
): FieldErrors {
  const placed: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const match = TERM_PATH.exec(field);
    const source = match ? sources[Number(match[1])] : undefined;
    if (!source) {
      placed[field] = message;
      continue;
    }
    const key = `bannedTerms.lines.${source.kind}`;
    const text = words.atLine(source.line, message);
    placed[key] = placed[key] ? `${placed[key]} ${text}` : text;
  }
  return placed;
}

/** Everything a save needs: the request (or the errors, already placed) and the term sources. */
export function moderationRequest(
  draft: ModerationDraft,
  words: ModerationFormWords,
): { checked: Checked<UpdateModerationSettingsRequest>; sources: TermSource[] } {
  const extra: FieldErrors = {};
  const required = (field: string, text: string): number => {
    const value = parseNumber(text);
    if (value === null) extra[field] = words.notANumber;
    return value ?? 0;
  };
  const nullable = (field: string, text: string): number | null => {
    if (text.trim() === '') return null;
    return required(field, text);
  };
  const action = (field: string, filter: FilterDraft): ModerationAction =>
    filter.action.type === 'timeout'
      ? { type: 'timeout', seconds: required(`${field}.action.seconds`, filter.action.seconds) }
      : { type: filter.action.type };
  const warning = (filter: FilterDraft): string | null => filter.warning.trim() || null;

  const { terms, sources } = bannedTermsOf(draft.bannedTerms.lines);
  const request: UpdateModerationSettingsRequest = {
    enabled: draft.enabled,
    exemptRoles: draft.exemptRoles,
    bannedTerms: {
      enabled: draft.bannedTerms.enabled,
      action: action('bannedTerms', draft.bannedTerms),
      warning: warning(draft.bannedTerms),
      terms,
    },
    links: {
      enabled: draft.links.enabled,
      action: action('links', draft.links),
      warning: warning(draft.links),
      allowedDomains: splitLines(draft.links.allowedDomains).map((domain) => domain.toLowerCase()),
      allowedRoles: draft.links.allowedRoles,
    },
    caps: {
      enabled: draft.caps.enabled,
      action: action('caps', draft.caps),
      warning: warning(draft.caps),
      minLetters: required('caps.minLetters', draft.caps.minLetters),
      maxPercent: required('caps.maxPercent', draft.caps.maxPercent),
    },
    spam: {
      enabled: draft.spam.enabled,
      action: action('spam', draft.spam),
      warning: warning(draft.spam),
      maxRepeatedChars: nullable('spam.maxRepeatedChars', draft.spam.maxRepeatedChars),
      maxRepeatedWords: nullable('spam.maxRepeatedWords', draft.spam.maxRepeatedWords),
      maxEmotes: nullable('spam.maxEmotes', draft.spam.maxEmotes),
      maxLength: nullable('spam.maxLength', draft.spam.maxLength),
    },
  };
  const checked = checkWith(UpdateModerationSettingsSchema, request, extra);
  return {
    checked: checked.ok ? checked : { ok: false, errors: placeTermErrors(checked.errors, sources, words) },
    sources,
  };
}

/** Adds or removes a role from a list, keeping the order roles are listed in. */
export function toggleRole(
  roles: readonly ViewerRole[],
  role: ViewerRole,
  on: boolean,
  order: readonly ViewerRole[],
): ViewerRole[] {
  const set = new Set(roles);
  if (on) set.add(role);
  else set.delete(role);
  return order.filter((item) => set.has(item));
}
