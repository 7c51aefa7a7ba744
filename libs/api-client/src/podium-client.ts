import type {
  ApiWhoamiDto,
  BalanceDto,
  BalanceListDto,
  BalanceSearchQuery,
  CreateMeetingRequest,
  GoalProgressDto,
  LedgerHistoryQuery,
  LedgerPageDto,
  LiveControlDto,
  LiveStateDto,
  MeetingCommand,
  MeetingDto,
  MeetingPhase,
  MeetingSummaryDto,
  QuestionDto,
  QuestionInput,
  QuestionResultsDto,
  RedemptionDto,
  RedemptionPageDto,
  RedemptionQueueQuery,
  ReorderQuestionsRequest,
  RewardDto,
  RewardListDto,
  ScoreboardDto,
  SendChatMessageResponse,
  UpdateMeetingRequest,
  V1AnnouncementTriggeredDto,
  V1BotListDto,
  V1BotSwitchDto,
  V1PointsChangeRequest,
  V1SendChatRequest,
  VoteTallyDto,
} from '@podium/contracts';
import {
  Transport,
  v1Path,
  type ApiResponse,
  type HttpMethod,
  type PodiumClientOptions,
  type QueryValue,
  type RequestInit,
  type RequestOptions,
} from './transport';

export interface PodiumWorkspaceClientOptions extends PodiumClientOptions {
  /** The workspace the token belongs to (every v1 route is `/api/v1/workspaces/:workspaceId/…`). */
  workspaceId: string;
}

/** `GET …/meetings/:meetingId/live`: what the organizers' dashboard shows (mirrors the api's schema). */
export interface V1MeetingLiveView {
  state: LiveStateDto;
  results: QuestionResultsDto | null;
  scoreboard: ScoreboardDto;
  control: LiveControlDto;
}

/** `GET …/meetings/:meetingId/results`: every question with its results (mirrors the api's schema). */
export interface V1MeetingResults {
  meetingId: string;
  title: string;
  phase: MeetingPhase;
  questions: { question: QuestionDto; results: QuestionResultsDto }[];
}

/** The path segment of each switchable bot feature (`POST …/bots/<kind>/<id>/enable`). */
export type V1BotKindPath = 'commands' | 'auto-responses' | 'announcements' | 'revolutions';

/** Options of a live command: `expectedVersion` makes a retried click a 409 instead of a second step. */
export interface LiveCommandOptions extends RequestOptions {
  expectedVersion?: number;
}

/** Query objects are plain records of scalars; contracts' query types fit as they are. */
function asQuery(query: object): Record<string, QueryValue> {
  return query as Record<string, QueryValue>;
}

/**
 * A typed client for Podium's public API (`/api/v1`). Methods are written by hand over one typed
 * `request<T>()`, with request and response types imported from `@podium/contracts`: the same
 * types the server compiles against, so a renamed field breaks the caller's build, and the client
 * needs no generation step or generator dependency. Scopes are noted on each method. Anything not
 * wrapped yet is one `client.request<T>('GET', client.path('…'))` away.
 */
export class PodiumClient {
  readonly workspaceId: string;
  private readonly transport: Transport;

  constructor(options: PodiumWorkspaceClientOptions) {
    if (!options.workspaceId) throw new TypeError('PodiumClient needs a workspaceId');
    this.workspaceId = options.workspaceId;
    this.transport = new Transport(options);
  }

  /** `/api/v1/workspaces/<this workspace>/<segments…>`, each segment URI-encoded. */
  path(...segments: (string | number)[]): string {
    return v1Path('workspaces', this.workspaceId, ...segments);
  }

  request<T>(method: HttpMethod, path: string, init?: RequestInit): Promise<T> {
    return this.transport.request<T>(method, path, init);
  }

  send<T>(method: HttpMethod, path: string, init?: RequestInit): Promise<ApiResponse<T>> {
    return this.transport.send<T>(method, path, init);
  }

  /** The calling token: its workspace, name, scopes and expiry (no scope needed). */
  whoami(options?: RequestOptions): Promise<ApiWhoamiDto> {
    return this.request('GET', this.path('whoami'), options);
  }

  readonly viewers = {
    /** `points:read`: viewers whose name or login contains `q` (empty: top balances). */
    search: (query: Partial<BalanceSearchQuery> = {}, options?: RequestOptions): Promise<BalanceListDto> =>
      this.request('GET', this.path('viewers'), { ...options, query: asQuery(query) }),
    /** `points:read`: one viewer's balance and rank. */
    get: (viewerId: string, options?: RequestOptions): Promise<BalanceDto> =>
      this.request('GET', this.path('viewers', viewerId), options),
    /** `points:read`: the viewer's ledger, newest first (`nextCursor` → `before`). */
    history: (
      viewerId: string,
      query: Partial<LedgerHistoryQuery> = {},
      options?: RequestOptions,
    ): Promise<LedgerPageDto> =>
      this.request('GET', this.path('viewers', viewerId, 'history'), { ...options, query: asQuery(query) }),
  };

  readonly points = {
    /** `points:write`: gives points; pass an `idempotencyKey` so a retry grants once. */
    grant: (viewerId: string, body: V1PointsChangeRequest, options?: RequestOptions): Promise<BalanceDto> =>
      this.request('POST', this.path('viewers', viewerId, 'points', 'grant'), { ...options, body }),
    /** `points:write`: takes points; 409 `points.insufficient_balance` below zero. */
    deduct: (viewerId: string, body: V1PointsChangeRequest, options?: RequestOptions): Promise<BalanceDto> =>
      this.request('POST', this.path('viewers', viewerId, 'points', 'deduct'), { ...options, body }),
  };

  readonly rewards = {
    /** `rewards:read`. */
    list: (options?: RequestOptions): Promise<RewardListDto> =>
      this.request('GET', this.path('rewards'), options),
    /** `rewards:read`. */
    get: (rewardId: string, options?: RequestOptions): Promise<RewardDto> =>
      this.request('GET', this.path('rewards', rewardId), options),
    /** `rewards:write`: turns a reward on or off. */
    setEnabled: (rewardId: string, enabled: boolean, options?: RequestOptions): Promise<RewardDto> =>
      this.request('POST', this.path('rewards', rewardId, enabled ? 'enable' : 'disable'), options),
  };

  readonly queue = {
    /** `queue:read`: the redemption queue (pending by default), newest first. */
    list: (query: RedemptionQueueQuery = {}, options?: RequestOptions): Promise<RedemptionPageDto> =>
      this.request('GET', this.path('redemptions'), { ...options, query: asQuery(query) }),
    /** `queue:read`. */
    get: (redemptionId: string, options?: RequestOptions): Promise<RedemptionDto> =>
      this.request('GET', this.path('redemptions', redemptionId), options),
    /** `queue:write`. */
    fulfil: (redemptionId: string, options?: RequestOptions): Promise<RedemptionDto> =>
      this.request('POST', this.path('redemptions', redemptionId, 'fulfil'), options),
    /** `queue:write`: gives the points back, once. */
    refund: (redemptionId: string, options?: RequestOptions): Promise<RedemptionDto> =>
      this.request('POST', this.path('redemptions', redemptionId, 'refund'), options),
    /** `queue:write`: refuses and keeps the points. */
    reject: (redemptionId: string, options?: RequestOptions): Promise<RedemptionDto> =>
      this.request('POST', this.path('redemptions', redemptionId, 'reject'), options),
  };

  readonly goals = {
    /** `rewards:read`. */
    list: (options?: RequestOptions): Promise<GoalProgressDto[]> =>
      this.request('GET', this.path('goals'), options),
    /** `rewards:read`. */
    get: (rewardId: string, options?: RequestOptions): Promise<GoalProgressDto> =>
      this.request('GET', this.path('goals', rewardId), options),
  };

  readonly votes = {
    /** `rewards:read`. */
    list: (options?: RequestOptions): Promise<VoteTallyDto[]> =>
      this.request('GET', this.path('votes'), options),
    /** `rewards:read`. */
    get: (rewardId: string, options?: RequestOptions): Promise<VoteTallyDto> =>
      this.request('GET', this.path('votes', rewardId), options),
    /** `rewards:write`: closes (`open: false`) or reopens a vote. */
    setOpen: (rewardId: string, open: boolean, options?: RequestOptions): Promise<VoteTallyDto> =>
      this.request('POST', this.path('votes', rewardId, open ? 'open' : 'close'), options),
  };

  readonly chat = {
    /** `chat:send`: to every connection, one platform's, or the given connections. */
    send: (body: V1SendChatRequest, options?: RequestOptions): Promise<SendChatMessageResponse> =>
      this.request('POST', this.path('chat', 'messages'), { ...options, body }),
  };

  readonly bots = {
    /** `bots:write`: every command, auto-response, announcement and revolution bot with its switch. */
    list: (options?: RequestOptions): Promise<V1BotListDto> =>
      this.request('GET', this.path('bots'), options),
    /** `bots:write`. */
    setEnabled: (
      kind: V1BotKindPath,
      id: string,
      enabled: boolean,
      options?: RequestOptions,
    ): Promise<V1BotSwitchDto> =>
      this.request('POST', this.path('bots', kind, id, enabled ? 'enable' : 'disable'), options),
    /** `bots:write`: posts the announcement now, whatever its schedule. */
    triggerAnnouncement: (
      announcementId: string,
      options?: RequestOptions,
    ): Promise<V1AnnouncementTriggeredDto> =>
      this.request('POST', this.path('bots', 'announcements', announcementId, 'trigger'), options),
  };

  readonly meetings = {
    /** `meetings:read`. */
    list: (options?: RequestOptions): Promise<MeetingSummaryDto[]> =>
      this.request('GET', this.path('meetings'), options),
    /** `meetings:write`. */
    create: (body: CreateMeetingRequest, options?: RequestOptions): Promise<MeetingDto> =>
      this.request('POST', this.path('meetings'), { ...options, body }),
    /** `meetings:read`. */
    get: (meetingId: string, options?: RequestOptions): Promise<MeetingDto> =>
      this.request('GET', this.path('meetings', meetingId), options),
    /** `meetings:write`. */
    update: (meetingId: string, body: UpdateMeetingRequest, options?: RequestOptions): Promise<MeetingDto> =>
      this.request('PATCH', this.path('meetings', meetingId), { ...options, body }),
    /** `meetings:write`. */
    delete: (meetingId: string, options?: RequestOptions): Promise<void> =>
      this.request('DELETE', this.path('meetings', meetingId), options),
  };

  readonly questions = {
    /** `meetings:read`: in order. */
    list: (meetingId: string, options?: RequestOptions): Promise<QuestionDto[]> =>
      this.request('GET', this.path('meetings', meetingId, 'questions'), options),
    /** `meetings:write`: appended at the end. */
    create: (meetingId: string, body: QuestionInput, options?: RequestOptions): Promise<QuestionDto> =>
      this.request('POST', this.path('meetings', meetingId, 'questions'), { ...options, body }),
    /** `meetings:read`. */
    get: (meetingId: string, questionId: string, options?: RequestOptions): Promise<QuestionDto> =>
      this.request('GET', this.path('meetings', meetingId, 'questions', questionId), options),
    /** `meetings:write`: replaces the question. */
    replace: (
      meetingId: string,
      questionId: string,
      body: QuestionInput,
      options?: RequestOptions,
    ): Promise<QuestionDto> =>
      this.request('PUT', this.path('meetings', meetingId, 'questions', questionId), { ...options, body }),
    /** `meetings:write`. */
    delete: (meetingId: string, questionId: string, options?: RequestOptions): Promise<void> =>
      this.request('DELETE', this.path('meetings', meetingId, 'questions', questionId), options),
    /** `meetings:write`: the new order, every question id once. */
    reorder: (
      meetingId: string,
      body: ReorderQuestionsRequest,
      options?: RequestOptions,
    ): Promise<QuestionDto[]> =>
      this.request('PUT', this.path('meetings', meetingId, 'question-order'), { ...options, body }),
  };

  readonly live = {
    /** `meetings:control`: start, next, back, close, results, scoreboard or end. */
    command: (
      meetingId: string,
      command: MeetingCommand,
      options: LiveCommandOptions = {},
    ): Promise<LiveStateDto> => {
      const { expectedVersion, ...rest } = options;
      return this.request('POST', this.path('meetings', meetingId, 'live', command), {
        ...rest,
        body: expectedVersion === undefined ? {} : { expectedVersion },
      });
    },
    /** `meetings:read`: state, current results, scoreboard and who holds control. */
    get: (meetingId: string, options?: RequestOptions): Promise<V1MeetingLiveView> =>
      this.request('GET', this.path('meetings', meetingId, 'live'), options),
    /** `meetings:read`: every question with its results. */
    results: (meetingId: string, options?: RequestOptions): Promise<V1MeetingResults> =>
      this.request('GET', this.path('meetings', meetingId, 'results'), options),
    /** `meetings:read`: the top `top` entries (1–1000, default 100). */
    scoreboard: (meetingId: string, top?: number, options?: RequestOptions): Promise<ScoreboardDto> =>
      this.request('GET', this.path('meetings', meetingId, 'scoreboard'), { ...options, query: { top } }),
  };
}
