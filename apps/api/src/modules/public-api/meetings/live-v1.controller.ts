import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { LiveStateDto, MeetingCommand, ScoreboardDto } from '@podium/contracts';
import { UuidParam } from '../../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../auth/api-token.guard';
import { IdempotencyInterceptor } from '../auth/idempotency.interceptor';
import { ApiErrorResponse, ApiIdempotent, ApiZodBody, ApiZodResponse } from '../openapi/zod-openapi';
import { MeetingNotFound, MeetingsOperation, MissingScope } from './meetings-v1.docs';
import {
  COMMAND_EXAMPLE,
  LIVE_STATE_EXAMPLE,
  LIVE_VIEW_EXAMPLE,
  RESULTS_EXAMPLE,
  SCOREBOARD_EXAMPLE,
} from './meetings-v1.examples';
import {
  type LiveCommandRequest,
  LiveCommandRequestSchema,
  LiveStateDtoSchema,
  MeetingLiveViewDtoSchema,
  type MeetingLiveViewDto,
  MeetingResultsDtoSchema,
  type MeetingResultsDto,
  ScoreboardDtoSchema,
  ScoreboardTopSchema,
} from './meetings-v1.schemas';
import { MeetingsV1Service } from './meetings-v1.service';

type Decorator = MethodDecorator & ClassDecorator;
type CommandBody = LiveCommandRequest | undefined;

const CONTROL =
  'Acts exactly like the button on the organizer dashboard: same rules, same pushes to the dashboard, ' +
  'phones and overlays. **Control lock:** the dashboard lets one tab drive a meeting at a time; an API ' +
  'token with `meetings:control` is no tab, so it neither needs nor takes control and acts whoever holds ' +
  'it (a Stream Deck button keeps working while the dashboard is open, and the dashboard shows the change ' +
  'at once). To avoid acting on a state you have not seen, send `expectedVersion` (the `version` of the ' +
  'last state you got): if the meeting moved on meanwhile, nothing changes and the answer is 409 ' +
  '`meeting.version_conflict`. Answers the new live state. Scope `meetings:control`.';

/** The 409s of a live command: a refused transition, a stale expectedVersion, a key still running. */
const Refused = (example: string): Decorator =>
  ApiErrorResponse(
    409,
    'meeting.illegal_transition',
    `${example} (also \`meeting.version_conflict\` for a stale expectedVersion, \`meeting.no_more_questions\`, ` +
      '`meeting.no_previous_question`, `meeting.no_questions`, `api.idempotency_in_progress`)',
  );

const Command = (summary: string, what: string, refusal: string): Decorator =>
  MeetingsOperation(
    summary,
    `${what}\n\n${CONTROL}`,
    MissingScope('meetings:control'),
    ApiErrorResponse(
      400,
      'validation.failed',
      'expectedVersion: Invalid input: expected number, received string',
    ),
    MeetingNotFound(),
    Refused(refusal),
  );

/**
 * Everything a live command route declares: the POST, the scope, idempotency, and its OpenAPI
 * operation with the new state it answers.
 */
const LiveCommand = (
  command: MeetingCommand,
  summary: string,
  what: string,
  refusal: string,
  answered: LiveStateDto,
): MethodDecorator =>
  applyDecorators(
    Post(`live/${command}`),
    HttpCode(200),
    ApiTokenAuth('meetings:control'),
    UseInterceptors(IdempotencyInterceptor),
    Command(summary, what, refusal),
    ApiIdempotent(),
    ApiZodBody(LiveCommandRequestSchema, COMMAND_EXAMPLE),
    ApiZodResponse(200, LiveStateDtoSchema, answered),
  );

@ApiTags('v1: live meetings')
@Controller('v1/workspaces/:workspaceId/meetings/:meetingId')
export class LiveV1Controller {
  constructor(private readonly meetings: MeetingsV1Service) {}

  @LiveCommand(
    'start',
    'Start the meeting',
    '`before` → `waiting`: the room opens, attendees see the waiting screen. Refused without questions.',
    'The meeting has no questions: add one first',
    {
      ...LIVE_STATE_EXAMPLE,
      phase: 'waiting',
      question: null,
      questionIndex: null,
      openedAt: null,
      closesAt: null,
    },
  )
  start(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: LiveCommandRequestSchema.optional() }) body: CommandBody,
  ): Promise<LiveStateDto> {
    return this.run(actor, workspaceId, meetingId, 'start', body);
  }

  @LiveCommand(
    'next',
    'Next question',
    'Shows the next question, open for answers (`question_open`; already closed questions come back ' +
      'closed). From `waiting`, `question_closed`, `results` or `scoreboard`; from `question_open` only ' +
      'on a slide (an open question must be closed first).',
    'Close the question first',
    LIVE_STATE_EXAMPLE,
  )
  next(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: LiveCommandRequestSchema.optional() }) body: CommandBody,
  ): Promise<LiveStateDto> {
    return this.run(actor, workspaceId, meetingId, 'next', body);
  }

  @LiveCommand(
    'back',
    'Previous question',
    'Shows the previous question again, closed (`question_closed`; a slide shows as `question_open`).',
    'There is no previous question',
    {
      ...LIVE_STATE_EXAMPLE,
      phase: 'question_closed',
      closesAt: null,
    },
  )
  back(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: LiveCommandRequestSchema.optional() }) body: CommandBody,
  ): Promise<LiveStateDto> {
    return this.run(actor, workspaceId, meetingId, 'back', body);
  }

  @LiveCommand(
    'close',
    'Close the question',
    '`question_open` → `question_closed`: answers are locked and a quiz is scored (the scoreboard moves).',
    'No question is open',
    {
      ...LIVE_STATE_EXAMPLE,
      phase: 'question_closed',
      closesAt: null,
    },
  )
  close(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: LiveCommandRequestSchema.optional() }) body: CommandBody,
  ): Promise<LiveStateDto> {
    return this.run(actor, workspaceId, meetingId, 'close', body);
  }

  @LiveCommand(
    'results',
    'Show the results',
    "`question_closed` → `results`: every screen shows the closed question's results (a quiz reveals " +
      'its correct answer). Not for slides. Read the numbers with `GET …/live` or `GET …/results`.',
    'Close the question first',
    { ...LIVE_STATE_EXAMPLE, phase: 'results', closesAt: null },
  )
  results(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: LiveCommandRequestSchema.optional() }) body: CommandBody,
  ): Promise<LiveStateDto> {
    return this.run(actor, workspaceId, meetingId, 'results', body);
  }

  @LiveCommand(
    'scoreboard',
    'Show the scoreboard',
    'From `waiting`, `question_closed` or `results` → `scoreboard`: every screen shows the ranking.',
    'Close the question first',
    { ...LIVE_STATE_EXAMPLE, phase: 'scoreboard', closesAt: null },
  )
  scoreboard(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: LiveCommandRequestSchema.optional() }) body: CommandBody,
  ): Promise<LiveStateDto> {
    return this.run(actor, workspaceId, meetingId, 'scoreboard', body);
  }

  @LiveCommand(
    'end',
    'End the meeting',
    'Any running phase → `after` (an open question is closed and scored first). Attendees can no longer ' +
      'join; results and scoreboard stay readable.',
    'The meeting has not started or has already ended',
    {
      ...LIVE_STATE_EXAMPLE,
      phase: 'after',
      question: null,
      questionIndex: null,
      openedAt: null,
      closesAt: null,
    },
  )
  end(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Body({ schema: LiveCommandRequestSchema.optional() }) body: CommandBody,
  ): Promise<LiveStateDto> {
    return this.run(actor, workspaceId, meetingId, 'end', body);
  }

  @Get('live')
  @ApiTokenAuth('meetings:read')
  @MeetingsOperation(
    'Live view',
    'What the organizer dashboard shows now: the live state (phase, current question, `version`), the ' +
      "current question's results as organizers see them (null before the first question and after the " +
      'end), the top 100 of the scoreboard, and which dashboard tab holds control. Scope `meetings:read`.',
    MissingScope('meetings:read'),
    MeetingNotFound(),
  )
  @ApiZodResponse(200, MeetingLiveViewDtoSchema, LIVE_VIEW_EXAMPLE)
  live(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<MeetingLiveViewDto> {
    return this.meetings.liveView(actor, workspaceId, meetingId);
  }

  @Get('results')
  @ApiTokenAuth('meetings:read')
  @MeetingsOperation(
    'Results',
    'Every question in order with its results as organizers see them (counts per choice id, quiz ' +
      'correct answers and correct count, word frequencies, rating mean/median/distribution, Q&A ' +
      'entries). The same numbers as the dashboard and the results CSV. Scope `meetings:read`.',
    MissingScope('meetings:read'),
    MeetingNotFound(),
  )
  @ApiZodResponse(200, MeetingResultsDtoSchema, RESULTS_EXAMPLE)
  allResults(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
  ): Promise<MeetingResultsDto> {
    return this.meetings.allResults(actor, workspaceId, meetingId);
  }

  @Get('scoreboard')
  @ApiTokenAuth('meetings:read')
  @MeetingsOperation(
    'Scoreboard',
    'The ranking: quiz points plus flag points per attendee (stream chat participants included), best ' +
      'first, equal totals sharing a rank (1, 2, 2, 4). `top` entries (default 100, as on the dashboard); ' +
      '`attendeeCount` counts everyone. Scope `meetings:read`.',
    MissingScope('meetings:read'),
    ApiErrorResponse(400, 'validation.failed', 'top: Too big: expected number to be <=1000'),
    MeetingNotFound(),
  )
  @ApiQuery({
    name: 'top',
    required: false,
    description: 'How many entries (1-1000, default 100)',
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  })
  @ApiZodResponse(200, ScoreboardDtoSchema, SCOREBOARD_EXAMPLE)
  scoreboardOf(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('meetingId') meetingId: string,
    @Query('top', { schema: ScoreboardTopSchema }) top: number,
  ): Promise<ScoreboardDto> {
    return this.meetings.scoreboardOf(actor, workspaceId, meetingId, top);
  }

  private run(
    actor: ApiActor,
    workspaceId: string,
    meetingId: string,
    command: MeetingCommand,
    body: CommandBody,
  ): Promise<LiveStateDto> {
    return this.meetings.command(actor, workspaceId, meetingId, command, body?.expectedVersion);
  }
}
