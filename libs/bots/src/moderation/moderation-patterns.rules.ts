import type { BannedTerm } from '@podium/contracts';
import { BANNED_TERM_MAX_LENGTH } from '@podium/contracts';
import { RE2JS } from 're2js';
import safeRegex from 'safe-regex2';

/** A compiled banned term: always an RE2 program, so matching is linear in the message's length. */
export interface TermMatcher {
  readonly term: BannedTerm;
  matches(text: string): boolean;
}

/** Word edges in any script: RE2's `\b` only knows ASCII letters. */
const BEFORE = `(?:^|[^\\p{L}\\p{N}_])`;
const AFTER = `(?:$|[^\\p{L}\\p{N}_])`;

/**
 * Why a pattern of this kind cannot be saved, or null when it can. Regexes must compile as RE2
 * (no backreferences, no lookarounds) and must not be the kind that backtracks catastrophically in
 * engines that backtrack, so a list exported elsewhere stays safe; words and wildcards always are.
 */
export function termProblem(term: BannedTerm): string | null {
  if (term.pattern.trim() === '') return 'is required';
  if ([...term.pattern].length > BANNED_TERM_MAX_LENGTH)
    return `is longer than ${BANNED_TERM_MAX_LENGTH} characters`;
  if (term.kind !== 'regex') return null;
  try {
    RE2JS.compile(term.pattern);
  } catch (error) {
    return `is not a valid RE2 regular expression (no backreferences or lookarounds): ${messageOf(error)}`;
  }
  if (!isSafe(term.pattern)) return 'could backtrack catastrophically';
  return null;
}

/** Compiles a term that `termProblem` accepted. Throws on one it would refuse. */
export function compileTerm(term: BannedTerm): TermMatcher {
  const problem = termProblem(term);
  if (problem) throw new Error(`banned term "${term.pattern}" ${problem}`);
  const program = RE2JS.compile(sourceOf(term), RE2JS.CASE_INSENSITIVE);
  return { term, matches: (text) => program.matcher(text).find() };
}

/** The RE2 source a term compiles to: words and wildcards as whole words, any case. */
export function sourceOf(term: BannedTerm): string {
  switch (term.kind) {
    case 'regex':
      return term.pattern;
    case 'word':
      return `${BEFORE}${phrase(term.pattern, (char) => RE2JS.quote(char))}${AFTER}`;
    case 'wildcard':
      return `${BEFORE}${phrase(term.pattern, wildcardChar)}${AFTER}`;
  }
}

/** Words of a phrase may be separated by any run of spaces ("free  coins" is "free coins"). */
function phrase(pattern: string, char: (c: string) => string): string {
  return pattern
    .trim()
    .split(/\s+/u)
    .map((word) => [...word].map(char).join(''))
    .join('\\s+');
}

function wildcardChar(char: string): string {
  if (char === '*') return '\\S*';
  if (char === '?') return '\\S';
  return RE2JS.quote(char);
}

/**
 * safe-regex2 catches nested quantifiers (`(a+)+`); it misses a repeated group whose alternatives
 * can match the same text (`(x|x)*`, `(\w|\d)+`), which backtracks just as badly: refused too.
 */
function isSafe(pattern: string): boolean {
  let ok: boolean;
  try {
    ok = safeRegex(pattern);
  } catch {
    // The JavaScript parser refuses some RE2-only syntax (\p{Greek}, (?P<name>)): judge by our check alone.
    ok = true;
  }
  return ok && !hasOverlappingRepeatedAlternation(pattern);
}

const SUBSUMING = new Map<string, RegExp>([
  ['.', /^[\s\S]$/u],
  ['\\w', /^\w$/u],
  ['\\d', /^\d$/u],
  ['\\S', /^\S$/u],
  ['\\s', /^\s$/u],
]);

function hasOverlappingRepeatedAlternation(pattern: string): boolean {
  const stack: number[] = [];
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (char === '[') {
      i = classEnd(pattern, i);
      continue;
    }
    if (char === '(') stack.push(i);
    if (char === ')') {
      const open = stack.pop();
      if (open === undefined) continue;
      const next = pattern[i + 1];
      const repeated =
        next === '*' || next === '+' || (next === '{' && /^\{\d+,\d*\}/u.test(pattern.slice(i + 1)));
      if (repeated && alternativesOverlap(pattern.slice(open + 1, i).replace(/^\?(?::|P?<\w+>)/u, '')))
        return true;
    }
  }
  return false;
}

function classEnd(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i += 1) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === ']' && i > start + 1) return i;
  }
  return pattern.length;
}

/** Top-level alternatives that are equal, or a class (`.`, `\w`…) and a single character it covers. */
function alternativesOverlap(body: string): boolean {
  const alternatives = topLevelAlternatives(body);
  if (alternatives.length < 2) return false;
  for (let a = 0; a < alternatives.length; a += 1) {
    for (let b = 0; b < alternatives.length; b += 1) {
      if (a === b) continue;
      const [x, y] = [alternatives[a] ?? '', alternatives[b] ?? ''];
      if (a < b && x === y) return true;
      const covers = SUBSUMING.get(x);
      if (covers && (SUBSUMING.has(y) ? x === '.' || y === '\\d' : singleChar(y, covers))) return true;
    }
  }
  return false;
}

function singleChar(alternative: string, covers: RegExp): boolean {
  const literal = alternative.startsWith('\\') && alternative.length === 2 ? alternative[1] : alternative;
  return [...(literal ?? '')].length === 1 && covers.test(literal ?? '');
}

function topLevelAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (char === '\\') i += 1;
    else if (char === '[') i = classEnd(body, i);
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^error parsing regexp: /u, '');
}
