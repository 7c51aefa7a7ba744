import type { CommandPermission, Platform, ViewerRole } from '@podium/contracts';
import { mayUse } from './permission.rules';

/** A chat line that calls a command: the name (lower case, without prefix) and the rest of the line. */
export interface ParsedCommand {
  name: string;
  args: string;
}

/** A prefix is exactly one character (code point) that is not white space. */
export function isValidPrefix(prefix: string): boolean {
  const chars = Array.from(prefix);
  return chars.length === 1 && !/\s/u.test(prefix);
}

/** `!Hello  a b` → { name: 'hello', args: 'a b' }; null when the line does not call a command. */
export function parseCommand(text: string, prefix: string): ParsedCommand | null {
  const line = text.trim();
  if (!isValidPrefix(prefix) || !line.startsWith(prefix)) return null;
  const rest = line.slice(prefix.length);
  const match = /^(\S+)(?:\s+([\s\S]*))?$/u.exec(rest);
  if (!match?.[1]) return null;
  return { name: match[1].toLowerCase(), args: (match[2] ?? '').trim() };
}

/** Anything with a name and aliases: custom commands and built-ins alike. */
export interface NamedCommand {
  name: string;
  aliases?: readonly string[];
}

/** The command a name calls, by name or alias, case-insensitively. */
export function findCommand<T extends NamedCommand>(commands: readonly T[], name: string): T | undefined {
  const wanted = name.toLowerCase();
  return commands.find(
    (command) =>
      command.name.toLowerCase() === wanted ||
      (command.aliases ?? []).some((alias) => alias.toLowerCase() === wanted),
  );
}

/** What decides whether a command (or auto-response) answers a viewer, apart from cooldowns. */
export interface CommandGate {
  enabled: boolean;
  /** Empty: every platform. */
  platforms: readonly Platform[];
  permission?: CommandPermission;
}

export type CommandRefusal = 'disabled' | 'wrong_platform' | 'not_allowed';

/** Why it would not answer; null when it would (cooldowns aside). `platform` undefined: any. */
export function commandRefusal(
  gate: CommandGate,
  platform: Platform | undefined,
  roles: readonly ViewerRole[],
): CommandRefusal | null {
  if (!gate.enabled) return 'disabled';
  if (platform !== undefined && gate.platforms.length > 0 && !gate.platforms.includes(platform))
    return 'wrong_platform';
  if (gate.permission !== undefined && !mayUse(roles, gate.permission)) return 'not_allowed';
  return null;
}

/** Twitch allows 500 characters; `!help` keeps to one comfortable line. */
export const HELP_LINE_MAX = 400;

/**
 * `!help`'s answer: as many of the commands as fit, then the link to the full list (when there is
 * one). Never longer than `max`.
 */
export function helpLine(
  names: readonly string[],
  prefix: string,
  link: string | undefined,
  max = HELP_LINE_MAX,
): string {
  const head = 'Commands: ';
  const tail = link ? ` … more: ${link}` : '';
  const room = max - head.length - tail.length;
  const listed: string[] = [];
  let length = 0;
  for (const name of names) {
    const piece = `${prefix}${name}`;
    const added = (listed.length > 0 ? 2 : 0) + piece.length;
    if (length + added > room) break;
    listed.push(piece);
    length += added;
  }
  if (listed.length === 0) return (link ? `Commands: ${link}` : 'No commands yet').slice(0, max);
  const cut = listed.length < names.length && !link ? ' …' : '';
  return `${head}${listed.join(', ')}${tail || cut}`.slice(0, max);
}
