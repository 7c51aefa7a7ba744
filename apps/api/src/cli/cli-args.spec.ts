import { CliUsageError, parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('reads each command with its options', () => {
    expect(parseCliArgs(['queue:clear'])).toEqual({
      name: 'queue:clear',
      workspace: null,
      refund: true,
      reward: null,
    });
    expect(parseCliArgs(['queue:clear', '--no-refund', '--reward', 'hydrate', '--workspace=Main'])).toEqual({
      name: 'queue:clear',
      workspace: 'Main',
      refund: false,
      reward: 'hydrate',
    });
    expect(parseCliArgs(['counters:reset', '--reward=lurk'])).toEqual({
      name: 'counters:reset',
      workspace: null,
      reward: 'lurk',
    });
    expect(parseCliArgs(['milestone:reset', 'New_Mic', '--hard'])).toEqual({
      name: 'milestone:reset',
      workspace: null,
      reward: 'new_mic',
      hard: true,
    });
    expect(parseCliArgs(['points:grant', 'ada', '250', '--note', 'giveaway'])).toEqual({
      name: 'points:grant',
      workspace: null,
      viewer: 'ada',
      amount: 250,
      note: 'giveaway',
    });
  });

  it('shows help without a command or with --help', () => {
    expect(parseCliArgs([])).toEqual({ name: 'help' });
    expect(parseCliArgs(['queue:clear', '--help'])).toEqual({ name: 'help' });
  });

  it('refuses bad input with a usage error', () => {
    for (const argv of [
      ['nope'],
      ['points:grant', 'ada'],
      ['points:grant', 'ada', '-5'],
      ['points:grant', 'ada', '1.5'],
      ['milestone:reset'],
      ['queue:clear', '--hard'],
      ['queue:clear', '--reward'],
      ['counters:reset', '--bogus'],
    ]) {
      expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    }
  });
  it('reads export and import with their file', () => {
    expect(parseCliArgs(['export', 'backup.json', '--workspace', 'Main'])).toEqual({
      name: 'export',
      workspace: 'Main',
      file: 'backup.json',
    });
    expect(parseCliArgs(['import', '-'])).toEqual({ name: 'import', workspace: null, file: '-' });
    for (const argv of [['export'], ['import', 'a.json', 'b.json'], ['export', 'a.json', '--hard']]) {
      expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    }
  });
});
