import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { JoinReport, LoaderToParent, ParentToLoader, VotePlan, VoteReport } from './live-room-protocol';

/**
 * Most sockets one load generator holds: a process may open 20,000 files on this machine (a hard
 * limit root cannot raise here), and each socket is one.
 */
export const SOCKETS_PER_LOADER = 10_000;

/** One load-generator child process, asked one thing at a time. */
export class Loader {
  private pending: {
    reply: LoaderToParent['type'];
    resolve: (message: LoaderToParent) => void;
    reject: (error: Error) => void;
  } | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: LoaderToParent) => {
      if (message.type === 'failed') this.settle(new Error(`load generator failed: ${message.message}`));
      else if (this.pending?.reply === message.type) this.settle(message);
    });
    child.on('exit', (code) => this.settle(new Error(`load generator exited (${code})`)));
  }

  static start(): Loader {
    return new Loader(
      fork(join(__dirname, 'ts-child.cjs'), ['live-room-load.ts'], {
        execArgv: ['--max-old-space-size=4096'],
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }

  ask<T extends LoaderToParent['type']>(
    message: ParentToLoader,
    reply: T,
    ms: number,
  ): Promise<Extract<LoaderToParent, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settle(new Error(`no ${reply} within ${ms} ms`)), ms);
      this.pending = {
        reply,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<LoaderToParent, { type: T }>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.child.send(message);
    });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private settle(outcome: LoaderToParent | Error): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }
}

/**
 * Every attendee answers the question once: each loader sends its phones' answers at its share of
 * `votesPerSecond` (in proportion to the phones it holds) and reports when each was sent and acked.
 */
export async function voteEveryone(
  loaders: readonly Loader[],
  joins: readonly JoinReport[],
  question: Pick<VotePlan, 'questionId' | 'answerType' | 'choiceIds' | 'finalTimeoutMs'>,
  votesPerSecond: number,
): Promise<VoteReport[]> {
  const joined = joins.reduce((n, r) => n + r.joined, 0);
  const replies = await Promise.all(
    loaders.map((loader, i) =>
      loader.ask(
        {
          type: 'vote',
          plan: {
            ...question,
            votesPerSecond: (votesPerSecond * (joins[i]?.joined ?? 0)) / Math.max(1, joined),
            expectedTotal: joined,
          },
        },
        'voted',
        10 * 60_000,
      ),
    ),
  );
  return replies.map((m) => m.report);
}
