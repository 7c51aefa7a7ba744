import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeTwitch } from '@podium/fakes';
import { newOwner } from './factories';
import { fuzzSettings, Rng } from './fuzz-mutations';
import { type FuzzCase, type FuzzOutcome, type FuzzResponse, runFuzz, summary } from './fuzz-runner';
import type { HttpClient } from './http-client';
import { startTestApp, type TestApp } from './test-app';
import { TestDatabase } from './test-database';
import { BOT, BROADCASTER, RAIDER, connectThroughOAuth, twitchEnv } from './twitch-connect';

/**
 * Inbound webhook fuzzing: hundreds of mutated deliveries per webhook, built deterministically from
 * the recorded fixtures (PODIUM_FUZZ_SEED, PODIUM_FUZZ_COUNT per webhook; 300 in CI). The rules:
 * zero 5xx, zero forgeries accepted, a 4xx never records anything, a valid delivery records exactly
 * once however often it is replayed, and the webhook still takes a valid delivery at the end.
 */
export const { seed: SEED, count: COUNT } = fuzzSettings(300);
export const PUBLIC_URL = 'https://podium.example.test';
export const FIXTURES = join(__dirname, '..', 'fixtures');
/** Generous: a few ms per case in CI, thousands with PODIUM_FUZZ_COUNT. */
export const TIMEOUT = 60_000 + COUNT * 200;
export const CHAT_EVENTS = 'select count(*) as n from chat_events';

export const readJson = <T>(...path: string[]): T =>
  JSON.parse(readFileSync(join(FIXTURES, ...path), 'utf8')) as T;
export const secondsNow = () => Math.floor(Date.now() / 1000);

/** Weighted choice of what a case does: a quarter valid or replays, a third forgeries, the rest odd bodies. */
export function plan(rng: Rng): 'valid' | 'replay' | 'forgery' | 'body' | 'header' {
  const roll = rng.next();
  if (roll < 0.15) return 'valid';
  if (roll < 0.25) return 'replay';
  if (roll < 0.55) return 'forgery';
  if (roll < 0.9) return 'body';
  return 'header';
}

/** The deterministic generator of case `index` for a webhook, and its `<webhook>#<index> …` names. */
export function fuzzCaseStart(webhook: 'twitch' | 'owncast' | 'kofi', index: number) {
  const number = { twitch: 1, owncast: 2, kofi: 3 }[webhook];
  return {
    rng: new Rng(SEED * 7919 + number * 1_000_003 + index),
    name: (what: string) => `${webhook}#${index} ${what}`,
  };
}

/** A valid delivery, remembered once sent so later cases can replay it. */
export function validCase<S>(
  name: string,
  sent: S,
  valid: S[],
  post: (sent: S) => Promise<FuzzResponse>,
): FuzzCase {
  return {
    name,
    expect: 'valid',
    send: async () => {
      const response = await post(sent);
      valid.push(sent);
      return response;
    },
  };
}

export type Forgery = [string, () => Promise<FuzzResponse>];

/** One of the forgeries, picked by the case's generator. */
export function forgedCase(rng: Rng, name: (what: string) => string, forgeries: Forgery[]): FuzzCase {
  const [what, send] = rng.pick(forgeries);
  return { name: name(`forged: ${what}`), expect: 'forgery', send };
}

/** A webhook key that was never issued, for `/api/integrations/<platform>/<key>`. */
export const unknownKeyUrl = (baseUrl: string, platform: string, rng: Rng) =>
  `${baseUrl}/api/integrations/${platform}/${rng.uuid().replace(/-/g, '')}`;

/**
 * Sends COUNT cases through the rules and checks the mix really ran: valid deliveries were taken,
 * replays answered, forgeries refused, invalid ones never accepted.
 */
export async function fuzzWebhook<S>(
  makeCase: (index: number, valid: S[]) => FuzzCase,
  recordedCount: () => Promise<number>,
): Promise<{ outcomes: FuzzOutcome[]; before: number }> {
  const valid: S[] = [];
  const cases = (function* () {
    for (let i = 0; i < COUNT; i += 1) yield makeCase(i, valid);
  })();
  const before = await recordedCount();
  const { outcomes, failures } = await runFuzz(cases, recordedCount);
  expect(failures).toEqual([]);
  const totals = summary(outcomes);
  expect(totals['valid']?.accepted).toBeGreaterThan(0);
  expect(totals['replay']?.accepted).toBeGreaterThan(0);
  expect(totals['forgery']).toEqual({ accepted: 0, refused: expect.any(Number) });
  expect(totals['invalid']?.accepted ?? 0).toBe(0);
  return { outcomes, before };
}

export interface WebhookFuzzApp {
  readonly fake: FakeTwitch;
  readonly db: TestDatabase;
  readonly app: TestApp;
  readonly owner: { client: HttpClient; workspaceId: string };
  /** A counter over `select count(*) as n …`. */
  count(sql: string): () => Promise<number>;
  /** Closes something once the app has closed. */
  closeAfterApp(close: () => Promise<void>): void;
}

/**
 * Registers the suite's hooks: a fake Twitch, a fresh database, the app, and an owner whose
 * workspace has Twitch connected through OAuth (the EventSub subscriptions the fuzzer posts to).
 */
export function useWebhookFuzzApp(): WebhookFuzzApp {
  let fake: FakeTwitch;
  let db: TestDatabase;
  let app: TestApp;
  let owner: { client: HttpClient; workspaceId: string };
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    fake = await FakeTwitch.start({ users: [BROADCASTER, BOT, RAIDER] });
    process.env['TWURPLE_MOCK_API_PORT'] = String(fake.port);
    fake.routeCallbacks(PUBLIC_URL, () => app.baseUrl);
    db = await TestDatabase.create();
    app = await startTestApp({ databaseUrl: db.url, env: { PUBLIC_URL, ...twitchEnv(fake) } });
    const signedUp = await newOwner(app.baseUrl);
    owner = { client: signedUp.client, workspaceId: signedUp.workspaceId };
    fake.signInAs(BROADCASTER.id);
    const { landedOn } = await connectThroughOAuth(app, owner.client, owner.workspaceId);
    expect(landedOn).toBe(`/w/${owner.workspaceId}/connections?connected=twitch`);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    await Promise.all(closers.map((close) => close()));
    delete process.env['TWURPLE_MOCK_API_PORT'];
    await db?.drop();
  });

  return {
    get fake() {
      return fake;
    },
    get db() {
      return db;
    },
    get app() {
      return app;
    },
    get owner() {
      return owner;
    },
    count: (sql) => async () => Number((await db.query<{ n: string }>(sql))[0]!.n),
    closeAfterApp: (close) => closers.push(close),
  };
}
