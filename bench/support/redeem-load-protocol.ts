import type { Percentiles } from './swarm-protocol';

/**
 * Messages between the redeem benchmark (the parent, which seeds and checks) and its load generator
 * (a child process posting `POST /api/panel/redeem` as viewers' panels do). The api is a third
 * process, so the generator, the api and PostgreSQL each show their own CPU.
 */

export interface RedeemPhase {
  label: string;
  baseUrl: string;
  rewardId: string;
  /** Panel session tokens (cookie values), one per viewer; request i goes to viewer i mod n. */
  sessions: string[];
  /** Requests in flight at once (also the number of keep-alive connections). */
  inFlight: number;
  total: number;
}

export interface PhaseResult {
  label: string;
  startedAtEpoch: number;
  endedAtEpoch: number;
  sent: number;
  /** HTTP status → count. */
  statuses: Record<string, number>;
  /** `done`, `queued`, or `refused:<reason>` → count (200 answers only). */
  outcomes: Record<string, number>;
  /** Requests that got no HTTP answer (connection errors), by message. */
  networkErrors: Record<string, number>;
  /** Per request, send → full answer (ms), 200 answers only. */
  latency: Percentiles | null;
  /** The lowest balance any accepted redeem reported (the race ends at 0). */
  lowestBalance: number | null;
}

export type ParentToLoad = { type: 'run'; phase: RedeemPhase } | { type: 'exit' };
export type LoadToParent =
  { type: 'ready' } | { type: 'done'; result: PhaseResult } | { type: 'failed'; error: string };
