import { Injectable } from '@nestjs/common';
import type { LiveStateDto, MeetingCommand, MeetingPhase } from '@podium/contracts';
import { applyCommand, questionClosesAt } from '@podium/meetings';
import { scoreQuiz } from '@podium/questions';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner, type Tx } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import type { MeetingEntity } from '../meeting.entity';
import { toQuestionDto } from '../meetings.mapper';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import type { QuestionEntity } from '../question.entity';
import { QuestionsRepository } from '../questions.repository';
import { AnswersRepository } from './answers.repository';
import { LiveAccess } from './live-access.service';
import { currentIndexOf, toLiveState } from './live-state.mapper';
import { type LiveStatePatch, LiveStateRepository } from './live-state.repository';
import { LiveErrorCode, LiveException } from './live.exception';

/** What a committed transition changed, for the events published after the commit. */
interface TransitionOutcome {
  workspaceId: string;
  previousPhase: MeetingPhase;
  state: LiveStateDto;
  /** A quiz was closed and scored: the scoreboard moved. */
  scored: boolean;
  /** The question the transition closed, if any. */
  closedQuestionId: string | null;
}

/** Which question the close job closes: the one opened at `version`, if it is still open. */
export interface TimedClose {
  meetingId: string;
  questionId: string;
  version: number;
}

/**
 * Live transitions. Each one locks the meeting row FOR UPDATE, applies the state machine of
 * libs/meetings, writes the new phase and question stamps, scores a closed quiz and moves
 * live_version on, all in one transaction; events follow the commit.
 */
@Injectable()
export class LiveService {
  constructor(
    private readonly state: LiveStateRepository,
    private readonly questions: QuestionsRepository,
    private readonly answers: AnswersRepository,
    private readonly access: LiveAccess,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEvents,
  ) {}

  /**
   * A command from the dashboard tab `clientId` (undefined: the socket never claimed a tab). With
   * `expectedVersion`, a command sent from an outdated view (a double click) is refused.
   */
  async command(
    actor: Actor,
    meetingId: string,
    clientId: string | undefined,
    command: MeetingCommand,
    expectedVersion?: number,
  ): Promise<LiveStateDto> {
    await this.access.organizer(actor, meetingId, 'moderator');
    const outcome = await this.transactions.run(async (tx) => {
      const meeting = await this.mustLock(tx, meetingId);
      if (!clientId || meeting.controllerClientId !== clientId || meeting.controllerUserId !== actor.userId) {
        throw new LiveException(
          LiveErrorCode.NotInControl,
          'Another dashboard controls this meeting: take control first',
        );
      }
      requireVersion(meeting, expectedVersion);
      return this.transition(tx, meeting, command);
    });
    this.publish(meetingId, outcome);
    return outcome.state;
  }

  /**
   * A command through the public API (the guard checked the token's workspace and its
   * `meetings:control` scope). A token is no dashboard tab: it neither needs nor takes control, so
   * it acts whoever holds it; `expectedVersion` keeps it from acting on a state it has not seen.
   */
  async commandAsApi(
    workspaceId: string,
    meetingId: string,
    command: MeetingCommand,
    expectedVersion?: number,
  ): Promise<LiveStateDto> {
    const outcome = await this.transactions.run(async (tx) => {
      const meeting = await this.mustLock(tx, meetingId);
      if (meeting.workspaceId !== workspaceId) {
        throw new MeetingException(MeetingErrorCode.NotFound, 'No such meeting');
      }
      requireVersion(meeting, expectedVersion);
      return this.transition(tx, meeting, command);
    });
    this.publish(meetingId, outcome);
    return outcome.state;
  }

  /** The scheduler's close of a timed question; false when it was no longer the open one. */
  async closeByTimer({ meetingId, questionId, version }: TimedClose): Promise<boolean> {
    const outcome = await this.transactions.run(async (tx) => {
      const meeting = await this.state.lock(tx, meetingId, 'update');
      const stillOpen =
        meeting !== null &&
        meeting.phase === 'question_open' &&
        meeting.currentQuestionId === questionId &&
        meeting.liveVersion === version;
      return stillOpen ? this.transition(tx, meeting, 'close') : null;
    });
    if (outcome) this.publish(meetingId, outcome);
    return outcome !== null;
  }

  private async transition(
    tx: Tx,
    meeting: MeetingEntity,
    command: MeetingCommand,
  ): Promise<TransitionOutcome> {
    const questions = await this.questions.listByMeeting(meeting.id, tx);
    const next = applyCommand(
      { phase: meeting.phase, questionIndex: currentIndexOf(meeting, questions) },
      command,
      questions.map((q) => ({ type: q.type, closed: q.closedAt !== null })),
    );
    const now = new Date();
    let scored = false;
    let closedQuestionId: string | null = null;
    if (next.closeQuestion !== null) {
      const closing = questionAt(questions, next.closeQuestion);
      closedQuestionId = closing.id;
      scored = await this.close(tx, closing, now);
      closing.closedAt ??= now;
    }
    const target = next.questionIndex === null ? null : questionAt(questions, next.questionIndex);
    if (target && next.openQuestion) {
      await this.state.markQuestionOpened(tx, target.id, now);
      target.openedAt = now;
    }
    const patch: LiveStatePatch = {
      phase: next.phase,
      currentQuestionId: target?.id ?? null,
      questionOpenedAt: target?.openedAt ?? null,
      questionClosesAt:
        target && next.phase === 'question_open' ? questionClosesAt(now, timeLimitOf(target)) : null,
      startedAt: command === 'start' ? now : meeting.startedAt,
      endedAt: next.phase === 'after' ? now : meeting.endedAt,
    };
    const version = await this.state.saveTransition(tx, meeting.id, patch);
    const updated: MeetingEntity = { ...meeting, ...patch, liveVersion: version };
    return {
      workspaceId: meeting.workspaceId,
      previousPhase: meeting.phase,
      state: toLiveState(updated, questions, now),
      scored,
      closedQuestionId,
    };
  }

  /** Locks the question's answers (closed_at) and scores a quiz; true when points were given. */
  private async close(tx: Tx, question: QuestionEntity, now: Date): Promise<boolean> {
    await this.state.markQuestionClosed(tx, question.id, now);
    const dto = toQuestionDto(question);
    if (dto.type !== 'quiz' || question.closedAt !== null) return false;
    const answers = await this.answers.forScoring(question.id, tx);
    const points = scoreQuiz(dto, question.openedAt ?? now, answers);
    await this.answers.setPoints(tx, question.id, points);
    return points.size > 0;
  }

  private async mustLock(tx: Tx, meetingId: string): Promise<MeetingEntity> {
    const meeting = await this.state.lock(tx, meetingId, 'update');
    if (!meeting) throw new MeetingException(MeetingErrorCode.NotFound, 'No such meeting');
    return meeting;
  }

  private publish(meetingId: string, outcome: TransitionOutcome): void {
    const { workspaceId, previousPhase, state, closedQuestionId } = outcome;
    this.events.publish('meeting.stateChanged', {
      workspaceId,
      meetingId,
      previousPhase,
      state,
      ...(closedQuestionId ? { closedQuestionId } : {}),
    });
    // The new current question (or the closed one, now visible to attendees) has new results.
    this.events.publish('meeting.resultsChanged', { meetingId });
    if (outcome.scored) this.events.publish('meeting.scoreboardChanged', { meetingId });
  }
}

function requireVersion(meeting: MeetingEntity, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== meeting.liveVersion) {
    throw new LiveException(
      LiveErrorCode.VersionConflict,
      `The meeting moved on (version ${meeting.liveVersion}, you saw ${expectedVersion}): nothing was changed`,
    );
  }
}

function questionAt(questions: readonly QuestionEntity[], index: number): QuestionEntity {
  const question = questions[index];
  if (!question) throw new Error(`applyCommand pointed at question ${index} of ${questions.length}`);
  return question;
}

function timeLimitOf(question: QuestionEntity): number | null {
  const dto = toQuestionDto(question);
  switch (dto.type) {
    case 'slide':
      return null;
    case 'poll':
    case 'quiz':
    case 'wordcloud':
    case 'rating':
    case 'qa':
      return dto.timeLimitSeconds;
  }
}
