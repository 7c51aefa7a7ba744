import { Injectable } from '@nestjs/common';
import {
  type CreateMeetingRequestSchema,
  DEFAULT_MEETING_CHAT_SETTINGS,
  type MeetingDto,
  type MeetingSummaryDto,
  type UpdateMeetingRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { DomainEvents, type DomainEventMap } from '../../common/events/domain-events';
import { TransactionRunner, type Tx } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { withFreshJoinCode } from './join-codes';
import { MeetingAccess } from './meeting-access.service';
import { questionConfigOf, toMeetingDto, toMeetingSummaryDto } from './meetings.mapper';
import { type MeetingReportCounts, MeetingsRepository } from './meetings.repository';
import { QuestionsRepository } from './questions.repository';

type CreateMeeting = z.output<typeof CreateMeetingRequestSchema>;
type UpdateMeeting = z.output<typeof UpdateMeetingRequestSchema>;

const TITLE_MAX = 120;
const COPY_SUFFIX = ' (copy)';

/** Meetings as organizers prepare them: settings, join code, copies and resets. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly questions: QuestionsRepository,
    private readonly access: MeetingAccess,
    private readonly transactions: TransactionRunner,
    private readonly events: DomainEvents,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<MeetingSummaryDto[]> {
    await this.access.requireRole(actor, workspaceId, 'viewer');
    return this.listAsApi(workspaceId);
  }

  /** For the public API, whose guard checked the token's workspace and scope. */
  async listAsApi(workspaceId: string): Promise<MeetingSummaryDto[]> {
    const meetings = await this.meetings.listByWorkspace(workspaceId);
    const counts = await this.questions.countByMeetings(meetings.map((m) => m.id));
    return meetings.map((meeting) => toMeetingSummaryDto(meeting, counts.get(meeting.id) ?? 0));
  }

  async create(actor: Actor, workspaceId: string, input: CreateMeeting): Promise<MeetingDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    return this.createAsApi(workspaceId, input);
  }

  /** For the public API, whose guard checked the token's workspace and scope. */
  async createAsApi(workspaceId: string, input: CreateMeeting): Promise<MeetingDto> {
    const { chat, ...fields } = input;
    const chatSettings = { ...DEFAULT_MEETING_CHAT_SETTINGS, ...chat };
    const meeting = await withFreshJoinCode((joinCode) =>
      this.transactions.run((tx) =>
        this.meetings.insert(tx, { workspaceId, ...fields, chatSettings, joinCode }),
      ),
    );
    return toMeetingDto(meeting, []);
  }

  async get(actor: Actor, workspaceId: string, meetingId: string): Promise<MeetingDto> {
    await this.access.require(actor, workspaceId, meetingId, 'viewer');
    return this.load(workspaceId, meetingId);
  }

  async update(
    actor: Actor,
    workspaceId: string,
    meetingId: string,
    patch: UpdateMeeting,
  ): Promise<MeetingDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    return this.updateAsApi(workspaceId, meetingId, patch);
  }

  /** For the public API, whose guard checked the token's workspace and scope. */
  async updateAsApi(workspaceId: string, meetingId: string, patch: UpdateMeeting): Promise<MeetingDto> {
    await this.transactions.run(async (tx) => {
      const meeting = await this.access.lock(tx, workspaceId, meetingId);
      const { chat, ...fields } = patch;
      await this.meetings.update(
        tx,
        meetingId,
        chat ? { ...fields, chatSettings: { ...meeting.chatSettings, ...chat } } : fields,
      );
    });
    this.changed({ workspaceId, meetingId, reason: 'edited' });
    return this.load(workspaceId, meetingId);
  }

  async remove(actor: Actor, workspaceId: string, meetingId: string): Promise<void> {
    await this.access.require(actor, workspaceId, meetingId, 'moderator');
    await this.removeAsApi(workspaceId, meetingId);
  }

  /** For the public API, whose guard checked the token's workspace and scope; 404 when absent. */
  async removeAsApi(workspaceId: string, meetingId: string): Promise<void> {
    await this.access.mustFind(workspaceId, meetingId);
    if (await this.meetings.delete(workspaceId, meetingId)) {
      this.changed({ workspaceId, meetingId, reason: 'deleted' });
    }
  }

  /** The old code stops working at once. */
  async regenerateJoinCode(actor: Actor, workspaceId: string, meetingId: string): Promise<MeetingDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    await withFreshJoinCode((joinCode) =>
      this.transactions.run(async (tx) => {
        await this.access.lock(tx, workspaceId, meetingId);
        await this.meetings.update(tx, meetingId, { joinCode });
      }),
    );
    this.changed({ workspaceId, meetingId, reason: 'edited' });
    return this.load(workspaceId, meetingId);
  }

  /** A copy with every question, a new code and nothing of the original's live run. */
  async duplicate(actor: Actor, workspaceId: string, meetingId: string): Promise<MeetingDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    const copyId = await withFreshJoinCode((joinCode) =>
      this.transactions.run(async (tx) => {
        const source = await this.access.lock(tx, workspaceId, meetingId);
        const copy = await this.meetings.insert(tx, {
          workspaceId,
          title: `${source.title.slice(0, TITLE_MAX - COPY_SUFFIX.length)}${COPY_SUFFIX}`,
          description: source.description,
          kind: source.kind,
          chatSettings: source.chatSettings,
          joinCode,
        });
        const questions = await this.questions.listByMeeting(meetingId, tx);
        await this.questions.insertAt(tx, copy.id, 0, questions.map(questionConfigOf));
        return copy.id;
      }),
    );
    return this.load(workspaceId, copyId);
  }

  /** Back to "before": attendees, answers, Q&A and flag captures of the meeting are deleted. */
  async reset(actor: Actor, workspaceId: string, meetingId: string): Promise<MeetingDto> {
    await this.access.requireRole(actor, workspaceId, 'moderator');
    await this.transactions.run(async (tx) => {
      await this.access.lock(tx, workspaceId, meetingId);
      await this.meetings.resetLive(tx, meetingId);
    });
    this.changed({ workspaceId, meetingId, reason: 'reset' });
    return this.load(workspaceId, meetingId);
  }

  /** The meeting with its questions in order, read in `tx` when given. */
  /** A meeting's attendance and per-question counts, without an access check (reports). */
  reportCountsOf(workspaceId: string, meetingId: string): Promise<MeetingReportCounts | null> {
    return this.meetings.reportCounts(workspaceId, meetingId);
  }

  async load(workspaceId: string, meetingId: string, tx?: Tx): Promise<MeetingDto> {
    const meeting = await this.access.mustFind(workspaceId, meetingId, tx);
    return toMeetingDto(meeting, await this.questions.listByMeeting(meetingId, tx));
  }

  private changed(event: DomainEventMap['meeting.changed']): void {
    this.events.publish('meeting.changed', event);
  }
}
