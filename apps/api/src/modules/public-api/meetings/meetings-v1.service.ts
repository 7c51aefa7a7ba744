import { Injectable } from '@nestjs/common';
import type {
  CreateMeetingRequestSchema,
  LiveStateDto,
  MeetingCommand,
  MeetingDto,
  MeetingSummaryDto,
  QuestionDto,
  QuestionInputSchema,
  ScoreboardDto,
  UpdateMeetingRequestSchema,
} from '@podium/contracts';
import type { z } from 'zod';
import { fromRuleError } from '../../meetings/live/live.exception';
import { LiveResultsService } from '../../meetings/live/live-results.service';
import { LiveSnapshotService } from '../../meetings/live/live-snapshot.service';
import { LiveService } from '../../meetings/live/live.service';
import { ScoreboardService } from '../../meetings/live/scoreboard.service';
import { MeetingAccess } from '../../meetings/meeting-access.service';
import { MeetingErrorCode, MeetingException } from '../../meetings/meetings.exception';
import { MeetingsService } from '../../meetings/meetings.service';
import { QuestionsService } from '../../meetings/questions.service';
import { ApiAuthErrorCode, ApiAuthException } from '../auth/api-auth.exception';
import type { ApiActor } from '../auth/api-token.guard';
import type { MeetingLiveViewDto, MeetingResultsDto } from './meetings-v1.schemas';

type CreateMeeting = z.output<typeof CreateMeetingRequestSchema>;
type UpdateMeeting = z.output<typeof UpdateMeetingRequestSchema>;
type QuestionInput = z.output<typeof QuestionInputSchema>;

/**
 * Meetings, questions and the live run for API tokens. ApiTokenGuard has checked the token, its
 * workspace and its scope; this facade only ever acts in the token's own workspace and calls the
 * same services (and the same live transitions) as the dashboard.
 */
@Injectable()
export class MeetingsV1Service {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly questions: QuestionsService,
    private readonly access: MeetingAccess,
    private readonly live: LiveService,
    private readonly snapshots: LiveSnapshotService,
    private readonly results: LiveResultsService,
    private readonly scoreboard: ScoreboardService,
  ) {}

  list(actor: ApiActor, workspaceId: string): Promise<MeetingSummaryDto[]> {
    return this.meetings.listAsApi(own(actor, workspaceId));
  }

  create(actor: ApiActor, workspaceId: string, input: CreateMeeting): Promise<MeetingDto> {
    return this.meetings.createAsApi(own(actor, workspaceId), input);
  }

  get(actor: ApiActor, workspaceId: string, meetingId: string): Promise<MeetingDto> {
    return this.meetings.load(own(actor, workspaceId), meetingId);
  }

  update(actor: ApiActor, workspaceId: string, meetingId: string, patch: UpdateMeeting): Promise<MeetingDto> {
    return this.meetings.updateAsApi(own(actor, workspaceId), meetingId, patch);
  }

  remove(actor: ApiActor, workspaceId: string, meetingId: string): Promise<void> {
    return this.meetings.removeAsApi(own(actor, workspaceId), meetingId);
  }

  async listQuestions(actor: ApiActor, workspaceId: string, meetingId: string): Promise<QuestionDto[]> {
    return (await this.meetings.load(own(actor, workspaceId), meetingId)).questions;
  }

  async getQuestion(
    actor: ApiActor,
    workspaceId: string,
    meetingId: string,
    questionId: string,
  ): Promise<QuestionDto> {
    const { questions } = await this.meetings.load(own(actor, workspaceId), meetingId);
    const question = questions.find((q) => q.id === questionId);
    if (!question) throw new MeetingException(MeetingErrorCode.QuestionNotFound, 'No such question');
    return question;
  }

  createQuestion(
    actor: ApiActor,
    workspaceId: string,
    meetingId: string,
    input: QuestionInput,
  ): Promise<QuestionDto> {
    return this.questions.createAsApi(own(actor, workspaceId), meetingId, input);
  }

  replaceQuestion(
    actor: ApiActor,
    workspaceId: string,
    meetingId: string,
    questionId: string,
    input: QuestionInput,
  ): Promise<QuestionDto> {
    return this.questions.replaceAsApi(own(actor, workspaceId), meetingId, questionId, input);
  }

  removeQuestion(actor: ApiActor, workspaceId: string, meetingId: string, questionId: string): Promise<void> {
    return this.questions.removeAsApi(own(actor, workspaceId), meetingId, questionId);
  }

  reorderQuestions(
    actor: ApiActor,
    workspaceId: string,
    meetingId: string,
    questionIds: string[],
  ): Promise<QuestionDto[]> {
    return this.questions.reorderAsApi(own(actor, workspaceId), meetingId, questionIds);
  }

  /** A live transition, as the dashboard's `meeting.command` makes it (rule errors become 409s). */
  async command(
    actor: ApiActor,
    workspaceId: string,
    meetingId: string,
    command: MeetingCommand,
    expectedVersion?: number,
  ): Promise<LiveStateDto> {
    try {
      return await this.live.commandAsApi(own(actor, workspaceId), meetingId, command, expectedVersion);
    } catch (error) {
      throw fromRuleError(error);
    }
  }

  /** What the organizers' dashboard shows: state, current results, top 100, who holds control. */
  async liveView(actor: ApiActor, workspaceId: string, meetingId: string): Promise<MeetingLiveViewDto> {
    const meeting = await this.access.mustFind(own(actor, workspaceId), meetingId);
    return this.snapshots.organizerView(meeting);
  }

  async allResults(actor: ApiActor, workspaceId: string, meetingId: string): Promise<MeetingResultsDto> {
    const meeting = await this.access.mustFind(own(actor, workspaceId), meetingId);
    return {
      meetingId: meeting.id,
      title: meeting.title,
      phase: meeting.phase,
      questions: await this.results.allForOrganizer(meeting.id),
    };
  }

  async scoreboardOf(
    actor: ApiActor,
    workspaceId: string,
    meetingId: string,
    top: number,
  ): Promise<ScoreboardDto> {
    const meeting = await this.access.mustFind(own(actor, workspaceId), meetingId);
    return this.scoreboard.top(meeting.id, top);
  }
}

/** The token's workspace; the guard already refused others, this keeps a forgotten guard from leaking. */
function own(actor: ApiActor, workspaceId: string): string {
  if (actor.workspaceId !== workspaceId) {
    throw new ApiAuthException(ApiAuthErrorCode.WorkspaceNotFound, 'No such workspace');
  }
  return actor.workspaceId;
}
