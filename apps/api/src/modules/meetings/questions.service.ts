import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  QUESTION_LIMITS,
  QUESTIONS_EXPORT_FORMAT,
  type QuestionConfig,
  type QuestionDto,
  type QuestionInputSchema,
  type QuestionsExport,
  type QuestionsExportSchema,
} from '@podium/contracts';
import { fillChoiceIds } from '@podium/questions';
import type { z } from 'zod';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner, type Tx } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { MeetingAccess } from './meeting-access.service';
import type { MeetingEntity } from './meeting.entity';
import { questionConfigOf, toQuestionDto, toQuestionInput } from './meetings.mapper';
import { MeetingErrorCode, MeetingException } from './meetings.exception';
import type { QuestionEntity } from './question.entity';
import { QuestionsRepository } from './questions.repository';

type QuestionInputValue = z.output<typeof QuestionInputSchema>;
type QuestionsExportValue = z.output<typeof QuestionsExportSchema>;

/** 8 url-safe characters: unique enough within one question's choices. */
function newChoiceId(): string {
  return randomBytes(6).toString('base64url');
}

/** Editing a meeting's questions. Each write locks the meeting, so it never races a live transition. */
@Injectable()
export class QuestionsService {
  constructor(
    private readonly questions: QuestionsRepository,
    private readonly access: MeetingAccess,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEvents,
  ) {}

  /** Appended at the end. */
  async create(
    actor: Actor,
    workspaceId: string,
    meetingId: string,
    input: QuestionInputValue,
  ): Promise<QuestionDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    return this.createAsApi(workspaceId, meetingId, input);
  }

  /** For the public API, whose guard checked the token's workspace and scope. */
  async createAsApi(workspaceId: string, meetingId: string, input: QuestionInputValue): Promise<QuestionDto> {
    const [created] = await this.append(workspaceId, meetingId, [input]);
    if (!created) throw new Error('append returned no question');
    return created;
  }

  async replace(
    actor: Actor,
    workspaceId: string,
    meetingId: string,
    questionId: string,
    input: QuestionInputValue,
  ): Promise<QuestionDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    return this.replaceAsApi(workspaceId, meetingId, questionId, input);
  }

  /** For the public API, whose guard checked the token's workspace and scope. */
  async replaceAsApi(
    workspaceId: string,
    meetingId: string,
    questionId: string,
    input: QuestionInputValue,
  ): Promise<QuestionDto> {
    const question = await this.edit(workspaceId, meetingId, questionId, async (tx, current) => {
      await this.questions.replace(tx, current.id, fillChoiceIds(input, newChoiceId));
      return this.mustFind(meetingId, questionId, tx);
    });
    return toQuestionDto(question);
  }

  /** Also refused for the question a live run shows (closed or results): the screens point at it. */
  async remove(actor: Actor, workspaceId: string, meetingId: string, questionId: string): Promise<void> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    await this.removeAsApi(workspaceId, meetingId, questionId);
  }

  /** For the public API, whose guard checked the token's workspace and scope. */
  async removeAsApi(workspaceId: string, meetingId: string, questionId: string): Promise<void> {
    await this.edit(workspaceId, meetingId, questionId, async (tx, current, meeting) => {
      if (meeting.currentQuestionId === current.id && meeting.phase !== 'after') {
        throw new MeetingException(
          MeetingErrorCode.QuestionOpen,
          'This question is on screen in the live run: move on before deleting it',
        );
      }
      await this.questions.delete(tx, current);
    });
  }

  /** The copy goes right after the original. */
  async duplicate(
    actor: Actor,
    workspaceId: string,
    meetingId: string,
    questionId: string,
  ): Promise<QuestionDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    const copy = await this.transactions.run(async (tx) => {
      await this.access.lock(tx, workspaceId, meetingId);
      const source = await this.mustFind(meetingId, questionId, tx);
      await this.requireRoom(tx, meetingId, 1);
      const [inserted] = await this.questions.insertAt(tx, meetingId, source.position + 1, [
        questionConfigOf(source),
      ]);
      return inserted;
    });
    if (!copy) throw new Error('insert returned no question');
    this.changed(workspaceId, meetingId);
    return toQuestionDto(copy);
  }

  /** `questionIds` must name every question of the meeting exactly once. */
  async reorder(
    actor: Actor,
    workspaceId: string,
    meetingId: string,
    questionIds: string[],
  ): Promise<QuestionDto[]> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    return this.reorderAsApi(workspaceId, meetingId, questionIds);
  }

  /** For the public API, whose guard checked the token's workspace and scope. */
  async reorderAsApi(workspaceId: string, meetingId: string, questionIds: string[]): Promise<QuestionDto[]> {
    const ordered = await this.transactions.run(async (tx) => {
      await this.access.lock(tx, workspaceId, meetingId);
      const current = await this.questions.listByMeeting(meetingId, tx);
      const known = new Set(current.map((q) => q.id));
      const given = new Set(questionIds);
      if (
        given.size !== questionIds.length ||
        given.size !== known.size ||
        questionIds.some((id) => !known.has(id))
      ) {
        throw new MeetingException(
          MeetingErrorCode.InvalidOrder,
          'questionIds must list every question of the meeting exactly once',
          { field: 'questionIds' },
        );
      }
      await this.questions.reorder(tx, meetingId, questionIds);
      return this.questions.listByMeeting(meetingId, tx);
    });
    this.changed(workspaceId, meetingId);
    return ordered.map(toQuestionDto);
  }

  async exportQuestions(actor: Actor, workspaceId: string, meetingId: string): Promise<QuestionsExport> {
    await this.access.require(actor, workspaceId, meetingId, 'viewer');
    const questions = await this.questions.listByMeeting(meetingId);
    return { format: QUESTIONS_EXPORT_FORMAT, version: 1, questions: questions.map(toQuestionInput) };
  }

  /** Appends the file's questions after the existing ones. */
  async importQuestions(
    actor: Actor,
    workspaceId: string,
    meetingId: string,
    file: QuestionsExportValue,
  ): Promise<QuestionDto[]> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    return this.append(workspaceId, meetingId, file.questions);
  }

  /** The caller checked the role (or the API token's scope). */
  private async append(
    workspaceId: string,
    meetingId: string,
    inputs: QuestionInputValue[],
  ): Promise<QuestionDto[]> {
    const configs: QuestionConfig[] = inputs.map((input) => fillChoiceIds(input, newChoiceId));
    const created = await this.transactions.run(async (tx) => {
      await this.access.lock(tx, workspaceId, meetingId);
      const count = await this.requireRoom(tx, meetingId, configs.length);
      return this.questions.insertAt(tx, meetingId, count, configs);
    });
    this.changed(workspaceId, meetingId);
    return created.map(toQuestionDto);
  }

  /** Runs `work` on one question, refused while that question is open in the live run; the caller checked the role. */
  private async edit<T>(
    workspaceId: string,
    meetingId: string,
    questionId: string,
    work: (tx: Tx, question: QuestionEntity, meeting: MeetingEntity) => Promise<T>,
  ): Promise<T> {
    const result = await this.transactions.run(async (tx) => {
      const meeting = await this.access.lock(tx, workspaceId, meetingId);
      const question = await this.mustFind(meetingId, questionId, tx);
      if (isOpen(meeting, question)) {
        throw new MeetingException(
          MeetingErrorCode.QuestionOpen,
          'This question is open right now: close it before changing it',
        );
      }
      return work(tx, question, meeting);
    });
    this.changed(workspaceId, meetingId);
    return result;
  }

  /** Returns the current count when `adding` more questions stays within the limit. */
  private async requireRoom(tx: Tx, meetingId: string, adding: number): Promise<number> {
    const count = await this.questions.count(meetingId, tx);
    if (count + adding > QUESTION_LIMITS.questionsPerMeetingMax) {
      throw new MeetingException(
        MeetingErrorCode.TooManyQuestions,
        `A meeting holds at most ${QUESTION_LIMITS.questionsPerMeetingMax} questions`,
      );
    }
    return count;
  }

  private async mustFind(meetingId: string, questionId: string, tx: Tx): Promise<QuestionEntity> {
    const question = await this.questions.find(meetingId, questionId, tx);
    if (!question) throw new MeetingException(MeetingErrorCode.QuestionNotFound, 'No such question');
    return question;
  }

  private changed(workspaceId: string, meetingId: string): void {
    this.events.publish('meeting.changed', { workspaceId, meetingId, reason: 'edited' });
  }
}

function isOpen(meeting: MeetingEntity, question: QuestionEntity): boolean {
  return meeting.phase === 'question_open' && meeting.currentQuestionId === question.id;
}
