import { groupPublicCommands, publicCommandsPath } from './commands.public';

describe('the public commands page', () => {
  it('is the address !help links to', () => {
    expect(publicCommandsPath('w 1')).toBe('/w/w%201/commands');
  });

  it('groups commands by who may use them, everyone first, names sorted and prefixed', () => {
    const groups = groupPublicCommands({
      prefix: '?',
      commands: [
        { name: 'title', aliases: [], permission: 'moderator', description: 'Sets the title', builtin: true },
        {
          name: 'so',
          aliases: ['shoutout'],
          permission: 'moderator',
          description: 'Shoutout',
          builtin: true,
        },
        { name: 'lurk', aliases: [], permission: 'everyone', description: '{user} lurks', builtin: false },
        { name: 'help', aliases: ['commands'], permission: 'everyone', description: 'Lists', builtin: true },
      ],
    });
    expect(groups.map((group) => group.permission)).toEqual(['everyone', 'moderator']);
    expect(groups[0]?.commands.map((command) => command.name)).toEqual(['?help', '?lurk']);
    expect(groups[0]?.commands[0]?.aliases).toEqual(['?commands']);
    expect(groups[1]?.commands.map((command) => command.name)).toEqual(['?so', '?title']);
  });
});
