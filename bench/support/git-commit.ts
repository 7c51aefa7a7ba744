import { execFileSync } from 'node:child_process';

/**
 * The commit a result was measured on, as results files state it: the short hash, marked when the
 * checkout had changes of its own (then the hash alone does not say what ran), or `unknown` outside
 * a git checkout.
 */
export function commitLabel(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: __dirname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    const changed = git('status', '--porcelain').length > 0;
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}
