import { Injectable } from '@nestjs/common';
import type { QaAskSchema, QaModerateSchema } from '@podium/contracts';
import type { z } from 'zod';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { QuestionsRepository } from '../questions.repository';
import { lockOpenQuestion } from './answers.service';
import { type AttendeeViewer, LiveAccess } from './live-access.service';
import { LiveLimiters } from './live-limiters';
import { LiveStateRepository } from './live-state.repository';
import { LiveErrorCode, LiveException } from './live.exception';
import { type QaFlags, QaRepository } from './qa.repository';

type QaAsk = z.output<typeof QaAskSchema>;
type QaModerate = z.output<typeof QaModerateSchema>;

/** Q&A under a Q&A question: attendees ask and upvote while it is open, moderators curate. */
@Injectable()
export class QaService {
  constructor(
    private readonly state: LiveStateRepository,
    private readonly questions: QuestionsRepository,
    private readonly qa: QaRepository,
    private readonly access: LiveAccess,
    private readonly limiters: LiveLimiters,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEvents,
  ) {}

  async ask(attendee: AttendeeViewer, { questionId, text }: QaAsk): Promise<{ entryId: string }> {
    await this.limiters.consumeQaAsk(attendee.attendeeId);
    const entryId = await this.transactions.run(async (tx) => {
      const { question } = await lockOpenQuestion(
        tx,
        this.state,
        this.questions,
        attendee.meetingId,
        questionId,
        new Date(),
      );
      if (question.type !== 'qa') {
        throw new LiveException('answer.not_answerable', 'This question does not take Q&A entries');
      }
      return this.qa.insertEntry(tx, {
        meetingId: attendee.meetingId,
        questionId,
        attendeeId: attendee.attendeeId,
        text,
      });
    });
    this.events.publish('meeting.resultsChanged', { meetingId: attendee.meetingId });
    return { entryId };
  }

  /** Once per attendee and entry: a second upvote changes nothing and acks the same count. */
  async upvote(attendee: AttendeeViewer, entryId: string): Promise<{ upvotes: number }> {
    const entry = await this.qa.findEntry(attendee.meetingId, entryId);
    if (!entry || entry.hidden) throw new LiveException(LiveErrorCode.QaEntryNotFound, 'No such Q&A entry');
    if (entry.attendeeId === attendee.attendeeId) {
      throw new LiveException(LiveErrorCode.QaOwnEntry, 'You cannot upvote your own question');
    }
    const meeting = await this.state.findById(attendee.meetingId);
    if (meeting?.phase !== 'question_open' || meeting.currentQuestionId !== entry.questionId) {
      throw new LiveException(LiveErrorCode.QuestionNotOpen, 'This Q&A is closed');
    }
    await this.qa.upvote(entryId, attendee.attendeeId);
    this.events.publish('meeting.resultsChanged', { meetingId: attendee.meetingId });
    return { upvotes: await this.qa.countUpvotes(entryId) };
  }

  async moderate(actor: Actor, meetingId: string, change: QaModerate): Promise<void> {
    await this.access.organizer(actor, meetingId, 'moderator');
    const entry = await this.qa.findEntry(meetingId, change.entryId);
    if (!entry) throw new LiveException(LiveErrorCode.QaEntryNotFound, 'No such Q&A entry');
    const flags: QaFlags = {};
    if (change.pinned !== undefined) flags.pinned = change.pinned;
    if (change.answered !== undefined) flags.answered = change.answered;
    if (change.hidden !== undefined) flags.hidden = change.hidden;
    await this.qa.moderate(entry.id, flags);
    this.events.publish('meeting.resultsChanged', { meetingId });
  }
}
