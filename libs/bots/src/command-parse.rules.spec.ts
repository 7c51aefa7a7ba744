import { commandRefusal, findCommand, helpLine, isValidPrefix, parseCommand } from './command-parse.rules';

describe('parseCommand', () => {
  it('reads the name case-insensitively and the rest of the line as args', () => {
    expect(parseCommand('!Hello', '!')).toEqual({ name: 'hello', args: '' });
    expect(parseCommand('  !so   @Ada  now ', '!')).toEqual({ name: 'so', args: '@Ada  now' });
  });

  it('uses the workspace prefix, any single non-space character', () => {
    expect(parseCommand('?hello x', '?')).toEqual({ name: 'hello', args: 'x' });
    expect(parseCommand('!hello', '?')).toBeNull();
    expect(parseCommand('🎉party', '🎉')).toEqual({ name: 'party', args: '' });
  });

  it('is null for lines that are not commands', () => {
    expect(parseCommand('hello !there', '!')).toBeNull();
    expect(parseCommand('!', '!')).toBeNull();
    expect(parseCommand('! hello', '!')).toBeNull();
    expect(parseCommand('!hello', '')).toBeNull();
  });
});

describe('isValidPrefix', () => {
  it('accepts one non-space character only', () => {
    expect(isValidPrefix('!')).toBe(true);
    expect(isValidPrefix('🎉')).toBe(true);
    expect(isValidPrefix('!!')).toBe(false);
    expect(isValidPrefix(' ')).toBe(false);
    expect(isValidPrefix('')).toBe(false);
  });
});

describe('findCommand', () => {
  const commands = [{ name: 'discord', aliases: ['dc', 'Chat'] }, { name: 'hello' }];
  it('finds by name or alias, case-insensitively', () => {
    expect(findCommand(commands, 'DISCORD')?.name).toBe('discord');
    expect(findCommand(commands, 'chat')?.name).toBe('discord');
    expect(findCommand(commands, 'hello')?.name).toBe('hello');
    expect(findCommand(commands, 'hell')).toBeUndefined();
  });
});

describe('commandRefusal', () => {
  const gate = { enabled: true, platforms: ['twitch' as const], permission: 'vip' as const };
  it('refuses disabled, other platforms, then weaker roles, in that order', () => {
    expect(commandRefusal({ ...gate, enabled: false }, 'youtube', [])).toBe('disabled');
    expect(commandRefusal(gate, 'youtube', ['vip'])).toBe('wrong_platform');
    expect(commandRefusal(gate, 'twitch', ['subscriber'])).toBe('not_allowed');
    expect(commandRefusal(gate, 'twitch', ['moderator'])).toBeNull();
  });
  it('answers on every platform when none are listed, or when the platform is unknown', () => {
    expect(commandRefusal({ ...gate, platforms: [] }, 'owncast', ['vip'])).toBeNull();
    expect(commandRefusal(gate, undefined, ['vip'])).toBeNull();
    expect(commandRefusal({ enabled: true, platforms: [] }, 'inroom', [])).toBeNull();
  });
});

describe('helpLine', () => {
  it('lists the commands with the prefix and the link', () => {
    expect(helpLine(['help', 'hello'], '!', 'https://p.example/w/1/commands')).toBe(
      'Commands: !help, !hello … more: https://p.example/w/1/commands',
    );
    expect(helpLine(['help'], '?', undefined)).toBe('Commands: ?help');
  });
  it('keeps within the limit, dropping whole names and keeping the link', () => {
    const names = Array.from({ length: 100 }, (_, i) => `command_number_${i}`);
    const link = 'https://podium.example/w/0b7c3f0e-1111-4222-8333-944445555666/commands';
    const line = helpLine(names, '!', link);
    expect(line.length).toBeLessThanOrEqual(400);
    expect(line.endsWith(` … more: ${link}`)).toBe(true);
    expect(line).toMatch(/^Commands: !command_number_0, !command_number_1, /);
    expect(line).not.toContain(', …');
    expect(helpLine(names, '!', undefined, 60)).toBe('Commands: !command_number_0, !command_number_1 …');
  });
});
