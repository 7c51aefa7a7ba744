/** What `npx podium …` was asked to do, parsed from its arguments (no I/O). */
export type CliCommand =
  | { name: 'queue:clear'; workspace: string | null; refund: boolean; reward: string | null }
  | { name: 'counters:reset'; workspace: string | null; reward: string | null }
  | { name: 'milestone:reset'; workspace: string | null; reward: string; hard: boolean }
  | { name: 'points:grant'; workspace: string | null; viewer: string; amount: number; note: string | null }
  | { name: 'export'; workspace: string | null; file: string }
  | { name: 'import'; workspace: string | null; file: string }
  | { name: 'help' };

export const CLI_USAGE = `Usage: npx podium <command> [--workspace <id|name>]

  queue:clear [--reward <name>] [--no-refund]   empty the redemption queue (refunds by default)
  counters:reset [--reward <name>]              set reward counters back to 0
  milestone:reset <name> [--hard]               reset a goal (only when completed, or --hard)
  points:grant <viewer> <n> [--note <text>]     give n points to a viewer (id, login or name)
  export <file>                                 write the workspace as one JSON document (- for stdout)
  import <file>                                 import an export as a new workspace (or, with
                                                --workspace, into that empty workspace)

--workspace is needed when the database holds more than one workspace.
Run it with the server's settings: DATABASE_URL, or the embedded database under DATA_DIR
(stop the server first in embedded mode: the embedded database takes one process).`;

export class CliUsageError extends Error {}

/** Parses `process.argv.slice(2)`. Throws CliUsageError with a message fit for the terminal. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split(/=(.*)/su, 2) as [string, string | undefined];
      if (['workspace', 'reward', 'note'].includes(key)) {
        const value = inline ?? argv[i + 1];
        if (value === undefined || (inline === undefined && value.startsWith('--'))) {
          throw new CliUsageError(`--${key} needs a value`);
        }
        if (inline === undefined) i += 1;
        flags.set(key, value);
      } else if (['hard', 'no-refund', 'help'].includes(key)) {
        flags.set(key, true);
      } else {
        throw new CliUsageError(`unknown option --${key}`);
      }
    } else {
      positional.push(arg);
    }
  }
  const [name, ...rest] = positional;
  if (!name || flags.has('help') || name === 'help') return { name: 'help' };
  const text = (key: string): string | null => {
    const value = flags.get(key);
    return typeof value === 'string' ? value : null;
  };
  const workspace = text('workspace');
  const allow = (...keys: string[]) => {
    for (const key of flags.keys()) {
      if (key !== 'workspace' && !keys.includes(key))
        throw new CliUsageError(`--${key} does not apply to ${name}`);
    }
  };
  const args = (count: number) => {
    if (rest.length !== count)
      throw new CliUsageError(`${name} takes ${count} argument${count === 1 ? '' : 's'}`);
  };
  switch (name) {
    case 'queue:clear':
      allow('reward', 'no-refund');
      args(0);
      return { name, workspace, refund: !flags.has('no-refund'), reward: text('reward') };
    case 'counters:reset':
      allow('reward');
      args(0);
      return { name, workspace, reward: text('reward') };
    case 'milestone:reset':
      allow('hard');
      args(1);
      return { name, workspace, reward: (rest[0] ?? '').toLowerCase(), hard: flags.has('hard') };
    case 'points:grant': {
      allow('note');
      args(2);
      const amount = Number(rest[1]);
      if (!/^\d+$/u.test(rest[1] ?? '') || !Number.isSafeInteger(amount) || amount < 1) {
        throw new CliUsageError('the amount must be a whole number of points, 1 or more');
      }
      return { name, workspace, viewer: rest[0] ?? '', amount, note: text('note') };
    }
    case 'export':
    case 'import':
      allow();
      args(1);
      return { name, workspace, file: rest[0] ?? '' };
    default:
      throw new CliUsageError(`unknown command ${name}`);
  }
}
