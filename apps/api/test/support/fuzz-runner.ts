import type { Verdict } from './fuzz-mutations';

/**
 * What a fuzz case is, from the oracle's point of view:
 * - `valid`: a fresh delivery exactly as the platform signs it: accepted and recorded once.
 * - `replay`: a valid delivery sent again (same id, signed again): accepted, nothing new recorded.
 * - `forgery`: not proven to come from the platform (bad or missing signature/token, stale, future):
 *   a 4xx, nothing recorded.
 * - `any` / `invalid`: see {@link Verdict}.
 */
export type Expectation = Verdict | 'replay' | 'forgery';

/** What the webhook answered; `receipt` is the body's `status` when it has one (recorded, duplicate…). */
export interface FuzzResponse {
  status: number;
  receipt?: string;
  /** Why no answer came (status 0), or the start of a refusal's text. */
  error?: string;
}

export interface FuzzCase {
  /** `<webhook>#<index> <what was done>`: with the seed, enough to replay the case. */
  name: string;
  expect: Expectation;
  send(): Promise<FuzzResponse>;
}

export interface FuzzOutcome {
  name: string;
  expect: Expectation;
  status: number;
  receipt?: string;
  recorded: number;
  error?: string;
}

/** Asks the server, returning status 0 when the connection failed instead of answering. */
export async function answer(request: Promise<Response>): Promise<FuzzResponse> {
  let response: Response;
  try {
    response = await request;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return { status: 0, error: String(cause ?? error) };
  }
  const text = await response.text().catch(() => '');
  let receipt: string | undefined;
  try {
    const body = JSON.parse(text) as { status?: unknown };
    if (typeof body?.status === 'string') receipt = body.status;
  } catch {
    // not JSON (twurple's plain-text answers)
  }
  return {
    status: response.status,
    receipt,
    ...(response.status >= 400 ? { error: text.slice(0, 200) } : {}),
  };
}

/** Why an outcome breaks the rules, or undefined when it keeps them. */
export function violation(outcome: FuzzOutcome): string | undefined {
  const { status, recorded, receipt } = outcome;
  if (status === 0) return `the connection failed without an answer (${outcome.error ?? 'no error'})`;
  if (status >= 500) return `answered ${status} ${outcome.error ?? ''}`;
  if (status < 200 || (status >= 300 && status < 400)) return `answered ${status}`;
  const accepted = status < 300;
  if (!accepted && recorded !== 0) return `answered ${status} but recorded ${recorded}`;
  if (recorded > 1) return `recorded ${recorded} events for one delivery`;
  if (receipt === 'recorded' && recorded !== 1) return `said "recorded" but recorded ${recorded}`;
  if ((receipt === 'duplicate' || receipt === 'ignored') && recorded !== 0)
    return `said "${receipt}" but recorded ${recorded}`;
  switch (outcome.expect) {
    case 'valid':
      if (!accepted) return `refused a valid delivery with ${status} ${outcome.error ?? ''}`;
      if (receipt !== 'ignored' && recorded !== 1)
        return `accepted a valid delivery but recorded ${recorded}`;
      return undefined;
    case 'replay':
      if (!accepted) return `refused a redelivery with ${status} (the platform would retry forever)`;
      if (recorded !== 0) return `recorded a replay again (${recorded})`;
      return undefined;
    case 'forgery':
    case 'invalid':
      if (accepted) return `accepted a ${outcome.expect} delivery (${status}, recorded ${recorded})`;
      return undefined;
    case 'any':
      return undefined;
  }
}

/**
 * Sends the cases one after another and checks each against the rules, counting what was recorded
 * before and after each (the webhooks answer only once their effect is committed).
 */
export async function runFuzz(
  cases: Iterable<FuzzCase>,
  recordedCount: () => Promise<number>,
): Promise<{ outcomes: FuzzOutcome[]; failures: string[] }> {
  const outcomes: FuzzOutcome[] = [];
  const failures: string[] = [];
  let before = await recordedCount();
  for (const fuzzCase of cases) {
    const started = Date.now();
    const response = await fuzzCase.send();
    if (process.env['PODIUM_FUZZ_TRACE']) {
      console.log(`${Date.now() - started} ms ${response.status} ${fuzzCase.name} ${response.error ?? ''}`);
    }
    const after = await recordedCount();
    const outcome: FuzzOutcome = {
      name: fuzzCase.name,
      expect: fuzzCase.expect,
      status: response.status,
      receipt: response.receipt,
      error: response.error,
      recorded: after - before,
    };
    before = after;
    outcomes.push(outcome);
    const problem = violation(outcome);
    if (problem) failures.push(`${fuzzCase.name} [${fuzzCase.expect}]: ${problem}`);
  }
  return { outcomes, failures };
}

/** How many outcomes per expectation were accepted (2xx) and refused (4xx): a sanity summary. */
export function summary(outcomes: FuzzOutcome[]): Record<string, { accepted: number; refused: number }> {
  const result: Record<string, { accepted: number; refused: number }> = {};
  for (const outcome of outcomes) {
    const entry = (result[outcome.expect] ??= { accepted: 0, refused: 0 });
    if (outcome.status >= 200 && outcome.status < 300) entry.accepted += 1;
    else entry.refused += 1;
  }
  return result;
}
