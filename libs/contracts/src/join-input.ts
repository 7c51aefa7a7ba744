/**
 * The join form's rules as plain functions and constants, with no schema library: the attendee's
 * first page checks what it can with these, and the schemas in meetings.contract.ts (the server's,
 * which stay the authority) are built from the same values.
 */

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they survive being read aloud. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
export const NICKNAME_MAX_LENGTH = 32;

/** A code as typed (`abc-123 `) in the form the server stores it (`ABC123`). */
export function normalizeJoinCode(typed: string): string {
  return typed.trim().toUpperCase().replace(/[\s-]/g, '');
}

/** The normalized code when what was typed is a well-formed code, else null. */
export function parseJoinCode(typed: string): string | null {
  const code = normalizeJoinCode(typed);
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}

/** Control characters would make a nickname look unique while reading the same. */
export function hasInvisibleCharacters(text: string): boolean {
  return /\p{Cc}/u.test(text);
}

export type NicknameProblem = 'required' | 'tooLong' | 'invisible';

/** Why the server would refuse this nickname, or null when it would take it (once trimmed). */
export function nicknameProblem(typed: string): NicknameProblem | null {
  const nickname = typed.trim();
  if (nickname === '') return 'required';
  if (nickname.length > NICKNAME_MAX_LENGTH) return 'tooLong';
  return hasInvisibleCharacters(nickname) ? 'invisible' : null;
}
