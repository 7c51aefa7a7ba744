import type { MeetingDto, QuestionDto } from '@podium/contracts';
import { choiceIdsOf } from '../../apps/api/test/support/live-harness';
import { type LiveClient, okData } from '../../apps/api/test/support/live';
import { type Loader, voteEveryone } from './live-room-loaders';
import { epochNow, type JoinReport, type ScoresReport } from './live-room-protocol';
import { apiCpuSeconds, type Replica } from './live-room-servers';

/** What closing a quiz answered by the whole room costs: every phone gets its own score and rank. */
export interface QuizCloseFigures {
  /** Answers the quiz took (every attendee answers once, at the poll's pace). */
  answered: number;
  /** The organizer's `close` command: sent → acknowledged. */
  closeAckMs: number;
  /** Close sent → the dashboard's first `meeting.scoreboard`. */
  dashboardScoreboardMs: number | null;
  /** Close sent → the last phone has the quiz's final results (the correct answer and counts). */
  allRevealedMs: number | null;
  revealed: number;
  /** Close sent → the last phone has its own score. */
  allScoredMs: number | null;
  scored: number;
  /** `attendee.score` pushes per phone (1 is the least a changed rank needs). */
  pushesPerPhone: number;
  /** The api's CPU (all replicas) from close until every phone was scored. */
  apiCpuMs: number;
}

interface QuizRound {
  organizer: LiveClient;
  loaders: readonly Loader[];
  joins: readonly JoinReport[];
  replicas: readonly Replica[];
  meeting: MeetingDto;
  quiz: QuestionDto;
  votesPerSecond: number;
}

const cpuMs = (replicas: readonly Replica[]) => apiCpuSeconds(replicas) * 1000;

/**
 * The quiz after the poll: the organizer closes the poll and moves on to the quiz, everyone answers (speed scoring, so the
 * totals and ranks differ between phones), then the organizer closes it and the quiz is scored.
 */
export async function closeQuizRound(round: QuizRound): Promise<QuizCloseFigures> {
  const { organizer, loaders, joins, replicas, meeting, quiz } = round;
  const joined = joins.reduce((n, r) => n + r.joined, 0);
  okData(await organizer.command(meeting.id, 'close')); // the poll
  okData(await organizer.command(meeting.id, 'next'));
  const votes = await voteEveryone(
    loaders,
    joins,
    { questionId: quiz.id, answerType: 'quiz', choiceIds: choiceIdsOf(quiz), finalTimeoutMs: 0 },
    round.votesPerSecond,
  );
  const answered = votes.reduce((n, r) => n + r.ackedAtEpoch.filter((at) => at !== null).length, 0);

  let boardAt: number | null = null;
  const sinceEpoch = epochNow();
  organizer.socket.on('meeting.scoreboard', () => {
    boardAt ??= epochNow();
  });
  const cpuBefore = cpuMs(replicas);
  okData(await organizer.command(meeting.id, 'close'));
  const closeAckMs = epochNow() - sinceEpoch;
  const scores: ScoresReport[] = (
    await Promise.all(
      loaders.map((loader) =>
        loader.ask({ type: 'scores', plan: { sinceEpoch, timeoutMs: 60_000 } }, 'scored', 90_000),
      ),
    )
  ).map((m) => m.report);
  const scored = scores.reduce((n, r) => n + r.scored, 0);
  const last = scores.reduce((at, r) => Math.max(at, r.lastScoredAtEpoch ?? 0), 0);
  const revealed = scores.reduce((n, r) => n + r.revealed, 0);
  const lastRevealed = scores.reduce((at, r) => Math.max(at, r.lastRevealedAtEpoch ?? 0), 0);
  return {
    answered,
    closeAckMs,
    dashboardScoreboardMs: boardAt === null ? null : boardAt - sinceEpoch,
    allRevealedMs: revealed === joined && lastRevealed > 0 ? lastRevealed - sinceEpoch : null,
    revealed,
    allScoredMs: scored === joined && last > 0 ? last - sinceEpoch : null,
    scored,
    pushesPerPhone: scores.reduce((n, r) => n + r.pushes, 0) / Math.max(1, joined),
    // Includes the loaders' one-second settle after the last phone: the api is idle by then.
    apiCpuMs: cpuMs(replicas) - cpuBefore,
  };
}
