import { Injectable } from '@nestjs/common';
import type { AnswerInputSchema, MyAnswerDto } from '@podium/contracts';
import { isPastDeadline } from '@podium/meetings';
import { acceptAnswer } from '@podium/questions';
import type { z } from 'zod';
import { Semaphore } from '../../../common/concurrency/semaphore';
import { DomainEvents } from '../../../common/events/domain-events';
import { DatabaseSettings } from '../../../database/database-settings';
import { TransactionRunner, type Tx } from '../../../database/transaction';
import type { MeetingEntity } from '../meeting.entity';
import { toQuestionDto } from '../meetings.mapper';
import { MeetingErrorCode, MeetingException } from '../meetings.exception';
import type { QuestionEntity } from '../question.entity';
import { QuestionsRepository } from '../questions.repository';
import { AnswerBatches, type PendingAnswer } from './answer-batches';
import type { AttendeeViewer } from './live-access.service';
import { LiveStateRepository } from './live-state.repository';
import { LiveErrorCode, LiveException } from './live.exception';
import { AnswersRepository } from './answers.repository';

type AnswerInput = z.output<typeof AnswerInputSchema>;

type BatchOutcome =
  | { kind: 'ok'; answer: MyAnswerDto }
  | { kind: 'refused'; error: unknown }
  /** Another transaction inserted this attendee's answer first. */
  | { kind: 'lost' };

/** Another submission of the same attendee inserted first: run again, now as a change. */
class LostInsertRace extends Error {}

/**
 * Who answers, decided in the answer's transaction once the question is locked open (a chat viewer
 * becomes an attendee there); null skips the answer (an event already handled).
 */
export type AttendeeResolver = (tx: Tx, meeting: MeetingEntity) => Promise<string | null>;

/** The question an attendee may write to now: the open one, before its deadline. */
export async function lockOpenQuestion(
  tx: Tx,
  state: LiveStateRepository,
  questions: QuestionsRepository,
  meetingId: string,
  questionId: string,
  now: Date,
): Promise<{ meeting: MeetingEntity; question: QuestionEntity }> {
  // FOR SHARE: answers run side by side, but a close (FOR UPDATE) waits for them and they for it.
  const meeting = await state.lock(tx, meetingId, 'share');
  if (!meeting) throw new MeetingException(MeetingErrorCode.NotFound, 'No such meeting');
  if (meeting.phase !== 'question_open' || meeting.currentQuestionId !== questionId) {
    throw new LiveException(LiveErrorCode.QuestionNotOpen, 'This question is not open');
  }
  if (isPastDeadline(meeting.questionClosesAt, now)) {
    throw new LiveException(LiveErrorCode.TooLate, 'Time is up for this question');
  }
  const question = await questions.find(meetingId, questionId, tx);
  if (!question) throw new LiveException(LiveErrorCode.QuestionNotOpen, 'This question is not open');
  return { meeting, question };
}

/** Attendees' answers to the open question. Results are not pushed from here: the meeting is marked dirty. */
@Injectable()
export class AnswersService {
  /**
   * A burst of answers waits here rather than in the connection pool, which serves in arrival
   * order: two connections stay free for the results tick and everything else (see bench/).
   */
  private readonly writes: Semaphore;
  /** In-room attendees' answers, written together when they arrive together. */
  private readonly batches: AnswerBatches;

  constructor(
    private readonly state: LiveStateRepository,
    private readonly questions: QuestionsRepository,
    private readonly answers: AnswersRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEvents,
    database: DatabaseSettings,
  ) {
    this.writes = new Semaphore(Math.max(1, database.poolSize - 2));
    this.batches = new AnswerBatches(this.writes, (meetingId, questionId, batch) =>
      this.writeBatch(meetingId, questionId, batch),
    );
  }

  submit(attendee: AttendeeViewer, questionId: string, input: AnswerInput): Promise<MyAnswerDto> {
    return this.batches.submit(attendee.meetingId, questionId, attendee.attendeeId, input);
  }

  /** The same answer path for an attendee known only inside the transaction; null when skipped. */
  async submitAs(
    meetingId: string,
    questionId: string,
    input: AnswerInput,
    attendeeOf: AttendeeResolver,
  ): Promise<MyAnswerDto | null> {
    const write = (tx: Tx) => this.write(tx, meetingId, attendeeOf, questionId, input);
    const myAnswer = await this.writes.run(async () => {
      try {
        return await this.transactions.run(write);
      } catch (error) {
        if (!(error instanceof LostInsertRace)) throw error;
        // The first submission is committed now: this one is judged as a change of it (or refused).
        return await this.transactions.run(write);
      }
    });
    if (myAnswer) this.events.publish('meeting.resultsChanged', { meetingId });
    return myAnswer;
  }

  /** One transaction for a batch; settles every item once it has committed (or failed). */
  private async writeBatch(meetingId: string, questionId: string, batch: PendingAnswer[]): Promise<void> {
    let outcomes: BatchOutcome[];
    try {
      outcomes = await this.transactions.run((tx) => this.writeMany(tx, meetingId, questionId, batch));
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    let written = false;
    for (const [i, item] of batch.entries()) {
      const outcome = outcomes[i];
      if (outcome?.kind === 'ok') {
        written = true;
        item.resolve(outcome.answer);
      } else if (outcome?.kind === 'refused') {
        item.reject(outcome.error);
      } else {
        // Another submission of this attendee inserted first: judged again alone, as a change.
        const attendeeOf = () => Promise.resolve(item.attendeeId);
        try {
          const answer = await this.transactions.run((tx) =>
            this.write(tx, meetingId, attendeeOf, questionId, item.input),
          );
          if (!answer) throw new Error('an attendee resolved to nobody');
          written = true;
          item.resolve(answer);
        } catch (error) {
          item.reject(error);
        }
      }
    }
    if (written) this.events.publish('meeting.resultsChanged', { meetingId });
  }

  /** The batch in arrival order: an attendee's second answer in it is a change of the first. */
  private async writeMany(
    tx: Tx,
    meetingId: string,
    questionId: string,
    batch: readonly PendingAnswer[],
  ): Promise<BatchOutcome[]> {
    const now = new Date();
    const { question } = await lockOpenQuestion(tx, this.state, this.questions, meetingId, questionId, now);
    const dto = toQuestionDto(question);
    const attendeeIds = [...new Set(batch.map((item) => item.attendeeId))];
    const stored = new Map(
      (await this.answers.findManyMine(tx, questionId, attendeeIds)).map((a) => [a.attendeeId, a]),
    );
    const latest = new Map<string, { payload: MyAnswerDto; correct: boolean | null }>();
    const outcomes: BatchOutcome[] = batch.map((item) => {
      const previous = latest.get(item.attendeeId)?.payload ?? stored.get(item.attendeeId)?.payload ?? null;
      try {
        const accepted = acceptAnswer(dto, item.input, previous);
        latest.set(item.attendeeId, { payload: accepted.answer, correct: accepted.correct });
        return { kind: 'ok', answer: accepted.answer };
      } catch (error) {
        return { kind: 'refused', error };
      }
    });
    const fresh = [...latest].filter(([attendeeId]) => !stored.has(attendeeId));
    const inserted = await this.answers.insertMany(
      tx,
      fresh.map(([attendeeId, change]) => ({
        meetingId,
        questionId,
        attendeeId,
        ...change,
        answeredAt: now,
      })),
    );
    for (const [attendeeId, change] of latest) {
      const previous = stored.get(attendeeId);
      if (previous) await this.answers.update(tx, previous.id, { ...change, answeredAt: now });
    }
    return outcomes.map((outcome, i) => {
      const attendeeId = batch[i]?.attendeeId ?? '';
      const lost = outcome.kind === 'ok' && !stored.has(attendeeId) && !inserted.has(attendeeId);
      return lost ? { kind: 'lost' } : outcome;
    });
  }

  private async write(
    tx: Tx,
    meetingId: string,
    attendeeOf: AttendeeResolver,
    questionId: string,
    input: AnswerInput,
  ): Promise<MyAnswerDto | null> {
    const now = new Date();
    const { meeting, question } = await lockOpenQuestion(
      tx,
      this.state,
      this.questions,
      meetingId,
      questionId,
      now,
    );
    const attendeeId = await attendeeOf(tx, meeting);
    if (attendeeId === null) return null;
    // Locked, so two words sent at once to a word cloud are added one after the other.
    const previous = await this.answers.findMine(tx, questionId, attendeeId, true);
    const accepted = acceptAnswer(toQuestionDto(question), input, previous?.payload ?? null);
    const change = { payload: accepted.answer, correct: accepted.correct, answeredAt: now };
    if (previous) {
      await this.answers.update(tx, previous.id, change);
    } else {
      const inserted = await this.answers.insert(tx, {
        meetingId,
        questionId,
        attendeeId,
        ...change,
      });
      if (!inserted) throw new LostInsertRace();
    }
    return accepted.answer;
  }
}
