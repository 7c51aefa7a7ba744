import type { VoteReport } from './live-room-protocol';
import type { QuizCloseFigures } from './live-room-quiz';
import type { WindowLoad } from './live-room-servers';
import { type Percentiles, percentiles } from './swarm-protocol';

/** The targets for the live room. */
export const TARGETS = { attendees: 20_000, dashboardP99Ms: 250, toAllMs: 1_000, replicaRatio: 2.5 };

/** One `meeting.results` push received by the organizer dashboard. */
export interface DashboardPush {
  atEpoch: number;
  answered: number;
}

/** Everything one run (one replica count, one room size) measured. */
export interface LiveRoomRun {
  replicas: number;
  attendees: number;
  joined: number;
  joinFailed: number;
  firstJoinError: string | null;
  joinPerSecond: number;
  /** Per replica, MiB: before the room filled and after (settled). */
  rssBeforeMiB: number[];
  rssAfterMiB: number[];
  /** (Σ RSS after − Σ RSS before) / attendees connected. */
  rssPerAttendeeKiB: number;
  votesSent: number;
  votesOk: number;
  refused: Record<string, number>;
  /** Votes per second actually sent (first send → last send). */
  sendRate: number;
  ackMs: Percentiles | null;
  /** Per vote: its send → the first organizer push that counts it. */
  dashboardMs: Percentiles | null;
  /** Votes the dashboard never counted. */
  dashboardMissing: number;
  organizerPushes: number;
  /** The highest count the dashboard showed: every vote, once. */
  dashboardFinal: number;
  /** Last vote sent → the last attendee has results counting every vote; null when some never did. */
  toAllMs: number | null;
  sawQuestionOpen: number;
  sawFinal: number;
  load: WindowLoad;
  /**
   * CPU time of the api (all replicas) per attendee joined and per vote (its ticks and pushes
   * included, up to everyone seeing the final count): unlike latencies, barely moved by what else
   * runs on the machine.
   */
  cpuMsPerJoin: number;
  cpuMsPerVote: number;
  /** The quiz after the poll, closed and scored. */
  quizClose: QuizCloseFigures;
}

/**
 * Vote → dashboard latency. A results push counts answers, not which ones, so vote i counts as
 * shown by the first push (received after its send) that counts at least as many answers as had
 * been acknowledged when vote i's ack came: acks leave in commit order, so that push's read saw
 * vote i's commit. Refused votes are left out.
 */
export function dashboardLatencies(
  votes: readonly { sentAt: number; ackedAt: number | null }[],
  pushes: readonly DashboardPush[],
): { latencies: number[]; missing: number } {
  const acked = votes
    .filter((v): v is { sentAt: number; ackedAt: number } => v.ackedAt !== null)
    .sort((a, b) => a.ackedAt - b.ackedAt);
  const sorted = [...pushes].sort((a, b) => a.atEpoch - b.atEpoch);
  // Counts only grow: a push counting less than an earlier one is a late read of older data.
  let highest = 0;
  const shown = sorted.map((p) => ({
    atEpoch: p.atEpoch,
    answered: (highest = Math.max(highest, p.answered)),
  }));
  const latencies: number[] = [];
  let missing = 0;
  let j = 0;
  acked.forEach((vote, index) => {
    const rank = index + 1;
    while (j < shown.length && (shown[j]?.answered ?? 0) < rank) j += 1;
    let k = j;
    while (k < shown.length && (shown[k]?.atEpoch ?? 0) < vote.sentAt) k += 1;
    const push = shown[k];
    if (push) latencies.push(push.atEpoch - vote.sentAt);
    else missing += 1;
  });
  return { latencies, missing };
}

/** Merges the loaders' vote reports into the run's vote figures. */
export function voteFigures(reports: readonly VoteReport[], pushes: readonly DashboardPush[]) {
  const votes = reports.flatMap((r) =>
    r.sentAtEpoch.map((sentAt, i) => ({ sentAt, ackedAt: r.ackedAtEpoch[i] ?? null })),
  );
  const sent = votes.map((v) => v.sentAt);
  const firstSent = sent.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const lastSent = sent.reduce((a, b) => Math.max(a, b), 0);
  const ok = votes.filter((v): v is { sentAt: number; ackedAt: number } => v.ackedAt !== null);
  const { latencies, missing } = dashboardLatencies(votes, pushes);
  const refused: Record<string, number> = {};
  for (const report of reports) {
    for (const [code, n] of Object.entries(report.refused)) refused[code] = (refused[code] ?? 0) + n;
  }
  const everyoneFinal = reports.every((r) => r.sawFinal === r.sentAtEpoch.length);
  const lastFinal = reports.reduce((at, r) => Math.max(at, r.lastFinalAtEpoch ?? 0), 0);
  return {
    votesSent: votes.length,
    votesOk: ok.length,
    refused,
    sendRate: votes.length > 1 ? ((votes.length - 1) * 1000) / Math.max(1, lastSent - firstSent) : 0,
    ackMs: percentiles(ok.map((v) => v.ackedAt - v.sentAt)),
    dashboardMs: percentiles(latencies),
    dashboardMissing: missing,
    toAllMs: everyoneFinal && lastFinal > 0 ? lastFinal - lastSent : null,
    sawQuestionOpen: reports.reduce((n, r) => n + r.sawQuestionOpen, 0),
    sawFinal: reports.reduce((n, r) => n + r.sawFinal, 0),
    firstSentEpoch: firstSent,
  };
}

/** Whether a run met the latency targets (size aside). */
export function meetsTargets(run: LiveRoomRun): boolean {
  return (
    run.joinFailed === 0 &&
    run.votesOk === run.votesSent &&
    run.dashboardMs !== null &&
    run.dashboardMissing === 0 &&
    run.dashboardMs.p99 <= TARGETS.dashboardP99Ms &&
    run.toAllMs !== null &&
    run.toAllMs <= TARGETS.toAllMs
  );
}
