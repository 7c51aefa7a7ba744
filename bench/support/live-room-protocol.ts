/**
 * Messages between the live-room benchmark (parent: starts the api replicas, holds the organizer
 * dashboard) and its load generators (children: each holds a slice of the attendee sockets).
 */

export interface LoaderPlan {
  /** One base URL per api replica; attendee i goes to urls[i % urls.length]. */
  urls: string[];
  meetingId: string;
  joinCode: string;
  /** This loader's attendees: global indexes [from, to). */
  from: number;
  to: number;
  /** Joins (POST /api/join + socket + meeting.join) in flight at once. */
  joinConcurrency: number;
}

export interface VotePlan {
  questionId: string;
  /** The question's type, which is the answer's. */
  answerType: 'poll' | 'quiz';
  choiceIds: string[];
  /** This loader's share of the votes per second (votes are paced, not sent all at once). */
  votesPerSecond: number;
  /** Answers the final results must count (every attendee of every loader). */
  expectedTotal: number;
  /** Give up waiting for every attendee to see `expectedTotal` after this long (0: do not wait). */
  finalTimeoutMs: number;
}

/** After a quiz is closed: wait for every phone's own score (`attendee.score`) pushed since then. */
export interface ScoresPlan {
  sinceEpoch: number;
  timeoutMs: number;
}

export interface ScoresReport {
  /** Phones that received their score since `sinceEpoch`, and when the last of them did. */
  scored: number;
  lastScoredAtEpoch: number | null;
  /** `attendee.score` pushes received since `sinceEpoch`, all phones together. */
  pushes: number;
  /** Phones that received the closed question's results since `sinceEpoch`, and when the last did. */
  revealed: number;
  lastRevealedAtEpoch: number | null;
}

export interface JoinReport {
  joined: number;
  failed: number;
  firstError: string | null;
  /** Epoch ms of the first join started and the last one finished. */
  startedAtEpoch: number;
  endedAtEpoch: number;
}

/** Per vote, in this loader's send order: epoch ms of send and ack (null: refused or timed out). */
export interface VoteReport {
  sentAtEpoch: number[];
  ackedAtEpoch: (number | null)[];
  refused: Record<string, number>;
  /** Attendees whose socket had seen the question open before voting began. */
  sawQuestionOpen: number;
  /** Attendees that received results counting `expectedTotal`, and when the last of them did. */
  sawFinal: number;
  lastFinalAtEpoch: number | null;
}

export type ParentToLoader =
  | { type: 'join'; plan: LoaderPlan }
  | { type: 'vote'; plan: VotePlan }
  | { type: 'scores'; plan: ScoresPlan }
  | { type: 'close' };

export type LoaderToParent =
  | { type: 'joined'; report: JoinReport }
  | { type: 'voted'; report: VoteReport }
  | { type: 'scored'; report: ScoresReport }
  | { type: 'closed' }
  | { type: 'failed'; message: string };

/** Epoch milliseconds with sub-millisecond precision (same clock in every process of the machine). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
