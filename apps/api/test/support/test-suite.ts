import type { MeetingDto, QuestionDto, QuestionInput } from '@podium/contracts';
import { newMeeting, newOwner, newQuestion } from './factories';
import { LiveHarness, type Owner } from './live-harness';
import type { TestSocket } from './sockets';
import { clearRedisPrefix, newRedisPrefix, startTestApp, type TestApp } from './test-app';
import { TestDatabase } from './test-database';

export interface TestSuiteOptions {
  /** Use the machine's Redis under a fresh key prefix (live runs: tickers, jobs, presence). */
  redis?: boolean;
  /** Settings for the app, read when the suite boots: after `beforeAll` hooks declared earlier (fakes). */
  env?: () => Record<string, string>;
}

/** What the tests of one `describe` share; read it inside tests (it is set up in `beforeAll`). */
export interface TestSuite {
  readonly db: TestDatabase;
  readonly app: TestApp;
  /** The owner who ran first-run setup, with their one workspace. */
  readonly owner: Owner;
  /** Organizer dashboards and attendee phones as real sockets, closed after the suite. */
  readonly live: LiveHarness;
  /** Other sockets a test opens; closed after the suite. */
  readonly sockets: TestSocket[];
  /** A new meeting of the owner's workspace with these questions, in order. */
  meetingWith(...inputs: QuestionInput[]): Promise<{ meeting: MeetingDto; questions: QuestionDto[] }>;
}

/**
 * Boots the real app on a throwaway PostgreSQL database for the enclosing `describe`, signs up
 * its owner, and tears everything down after the suite.
 */
export function useTestSuite(options: TestSuiteOptions = {}): TestSuite {
  let db: TestDatabase | undefined;
  let app: TestApp | undefined;
  let owner: Owner | undefined;
  let live: LiveHarness | undefined;
  const redisPrefix = options.redis ? newRedisPrefix() : undefined;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = await TestDatabase.create();
    app = await startTestApp({ databaseUrl: db.url, redisPrefix, env: options.env?.() });
    owner = await newOwner(app.baseUrl);
    live = new LiveHarness(app, db);
  });
  afterAll(async () => {
    live?.close();
    sockets.forEach((socket) => socket.close());
    await app?.close();
    await db?.drop();
    if (redisPrefix) await clearRedisPrefix(redisPrefix);
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the suite's ${name} is set up in beforeAll: use it in a test`);
    return value;
  };
  const suite: TestSuite = {
    get db() {
      return ready(db, 'database');
    },
    get app() {
      return ready(app, 'app');
    },
    get owner() {
      return ready(owner, 'owner');
    },
    get live() {
      return ready(live, 'live harness');
    },
    sockets,
    async meetingWith(...inputs) {
      const meeting = await newMeeting(suite.owner.client, suite.owner.workspaceId);
      const questions: QuestionDto[] = [];
      for (const input of inputs) questions.push(await newQuestion(suite.owner.client, meeting, input));
      return { meeting, questions };
    },
  };
  return suite;
}
