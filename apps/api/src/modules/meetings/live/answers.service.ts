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
import type { AttendeeViewer } from './live-access.service';
import { LiveStateRepository } from './live-state.repository';
import { LiveErrorCode, LiveException } from './live.exception';
import { AnswersRepository } from './answers.repository';

type AnswerInput = z.output<typeof AnswerInputSchema>;

/** Another submission of the same attendee inserted first: run again, now as a change. */
class LostInsertRace extends Error {}

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

  constructor(
    private readonly state: LiveStateRepository,
    private readonly questions: QuestionsRepository,
    private readonly answers: AnswersRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEvents,
    database: DatabaseSettings,
  ) {
    this.writes = new Semaphore(Math.max(1, database.poolSize - 2));
  }

  async submit(attendee: AttendeeViewer, questionId: string, input: AnswerInput): Promise<MyAnswerDto> {
    const myAnswer = await this.writes.run(async () => {
      try {
        return await this.transactions.run((tx) => this.write(tx, attendee, questionId, input));
      } catch (error) {
        if (!(error instanceof LostInsertRace)) throw error;
        // The first submission is committed now: this one is judged as a change of it (or refused).
        return await this.transactions.run((tx) => this.write(tx, attendee, questionId, input));
      }
    });
    this.events.publish('meeting.resultsChanged', { meetingId: attendee.meetingId });
    return myAnswer;
  }

  private async write(
    tx: Tx,
    attendee: AttendeeViewer,
    questionId: string,
    input: AnswerInput,
  ): Promise<MyAnswerDto> {
    const now = new Date();
    const { question } = await lockOpenQuestion(
      tx,
      this.state,
      this.questions,
      attendee.meetingId,
      questionId,
      now,
    );
    // Locked, so two words sent at once to a word cloud are added one after the other.
    const previous = await this.answers.findMine(tx, questionId, attendee.attendeeId, true);
    const accepted = acceptAnswer(toQuestionDto(question), input, previous?.payload ?? null);
    const change = { payload: accepted.answer, correct: accepted.correct, answeredAt: now };
    if (previous) {
      await this.answers.update(tx, previous.id, change);
    } else {
      const inserted = await this.answers.insert(tx, {
        meetingId: attendee.meetingId,
        questionId,
        attendeeId: attendee.attendeeId,
        ...change,
      });
      if (!inserted) throw new LostInsertRace();
    }
    return accepted.answer;
  }
}
