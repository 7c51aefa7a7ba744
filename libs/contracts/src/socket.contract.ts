import type {
  ChatEvent,
  ConnectionDto,
  InroomChatMessageDto,
  InroomChatSend,
  OutboxMessageDto,
} from './chat.contract';
import type { AlertQueuedPayload, AlertsSnapshotDto, TimerChangedPayload } from './alerts.contract';
import type { ApiErrorDto } from './errors.contract';
import type {
  GoalProgressPayload,
  GoalsSnapshotDto,
  RecentRedeemPayload,
  RecentRedeemsSnapshotDto,
  VotesSnapshotDto,
  VoteTallyPayload,
} from './goals-votes.contract';
import type { PointsChangedDto } from './points.contract';
import type { RedeemPublicPayload, RedeemQueuePayload } from './redemptions.contract';
import type { RewardChangedPayload } from './rewards.contract';
import type { RevolutionProgressDto, RevolutionsSnapshotDto } from './revolutions.contract';
import type {
  CaptureFlagRequest,
  LiveControlDto,
  LiveStateDto,
  MeetingCommand,
  MeetingSnapshotDto,
  MyScoreDto,
  ScoreboardDto,
} from './meetings.contract';
import type { InroomHiddenPayload, ModerationLogEntryDto } from './moderation.contract';
import type { ObsActionPayload } from './obs.contract';
import type { AnswerInput, MyAnswerDto, QaAsk, QaModerate, QuestionResultsDto } from './questions.contract';
import type { Role } from './roles.contract';
import type { WorkspaceDto } from './workspaces.contract';
import type { WebhookDeliveryChangedPayload, WebhookSubscriptionChangedPayload } from './webhooks.contract';

/**
 * What a client sends in the Socket.IO handshake `auth` field. Organizers use their session cookie;
 * overlays their overlay token; attendees the token `POST /api/join` gave them.
 */
export interface SocketAuth {
  overlayToken?: string;
  attendeeToken?: string;
}

export type SocketAudience = 'organizer' | 'overlay' | 'attendee';

export interface SocketReadyPayload {
  /** Organizer sessions see their workspaces; overlays see the one their token belongs to. */
  kind: SocketAudience;
  workspaceIds: string[];
  serverTime: string;
}

export interface ServerDrainingPayload {
  /** Spread reconnects over this window so replicas left are not hit by every client at once. */
  reconnectWithinMs: number;
}

/** Every acknowledgement: the data, or the same error body HTTP uses. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiErrorDto };
export type AckCallback<T> = (result: Ack<T>) => void;

/** Pushes about a meeting carry the state version they belong to (see LiveStateDto.version). */
export interface MeetingResultsPayload {
  meetingId: string;
  version: number;
  results: QuestionResultsDto;
  /** Attendees connected to the meeting right now (organizers only; 0 for other audiences). */
  present: number;
}

/**
 * `meeting.state`. Attendees' and overlays' carries `results` when the new state shows a question's
 * final results (it closed, or its results or the scoreboard are up) and they may see them: one push
 * to the room instead of a state and then results. Organizers get their results in `meeting.results`.
 */
export type MeetingStatePayload = LiveStateDto & { results?: QuestionResultsDto };

/** Every event the server pushes, by name: the single source for server and clients. */
export interface ServerToClientEvents {
  'session.ready': (payload: SocketReadyPayload) => void;
  /**
   * This server is shutting down: the disconnect that follows is not a kick. Reconnect after a
   * random wait below `reconnectWithinMs` (the proxy sends you to another replica) and resync.
   */
  'server.draining': (payload: ServerDrainingPayload) => void;
  'workspace.renamed': (payload: { workspace: WorkspaceDto }) => void;
  'member.changed': (payload: { workspaceId: string; userId: string; role: Role | null }) => void;
  'overlay.revoked': (payload: { workspaceId: string }) => void;
  /** A transition happened; results (unless carried) and scoreboard follow in their own events. */
  'meeting.state': (payload: MeetingStatePayload) => void;
  /** Aggregated on a short tick while answers arrive, never once per answer. */
  'meeting.results': (payload: MeetingResultsPayload) => void;
  'meeting.scoreboard': (payload: { meetingId: string; version: number; scoreboard: ScoreboardDto }) => void;
  /** Organizers only: who drives the meeting now. */
  'meeting.control': (payload: LiveControlDto) => void;
  /**
   * Organizers only: attendees connected right now, pushed (at most once a second) when it changes;
   * the waiting room has no `meeting.results` to carry `present`.
   */
  'meeting.presence': (payload: { meetingId: string; present: number }) => void;
  /** Attendee only: their own total and rank changed. */
  'attendee.score': (payload: MyScoreDto) => void;
  /** The meeting was edited (questions, title): organizers refetch it, others resync. */
  'meeting.changed': (payload: { meetingId: string }) => void;
  /**
   * Organizers: the events recorded (from any platform) since the workspace's last push, oldest
   * first, for the merged chat log; pushed on a short tick while they pour in.
   */
  'chat.events': (payload: { workspaceId: string; events: ChatEvent[] }) => void;
  /** Organizers: a connection's status, subscriptions, quota or last event changed. */
  'connection.changed': (payload: ConnectionDto) => void;
  /** Organizers: a connection was removed. */
  'connection.removed': (payload: { workspaceId: string; connectionId: string }) => void;
  /**
   * Organizers: outgoing messages that were queued, sent, dropped or failed since the workspace's
   * last push, each as it is now; pushed on a short tick while bots answer a crowd.
   */
  'chat.outbox': (payload: { workspaceId: string; messages: OutboxMessageDto[] }) => void;
  /** Attendees (and organizers in the meeting): a line of the meeting's in-room chat. */
  'inroom.message': (payload: InroomChatMessageDto) => void;
  /** Attendees and organizers of the meeting: moderation hid a line; drop it. */
  'inroom.hidden': (payload: InroomHiddenPayload) => void;
  /** Organizers: moderation acted on a message (the moderation log's new entry). */
  'moderation.logged': (payload: ModerationLogEntryDto) => void;
  /** Overlays and organizers of the workspace: an alert took its slot in the queue. */
  'alert.queued': (payload: AlertQueuedPayload) => void;
  /** Overlays and organizers of the workspace: the `!timer` countdown started, stopped or rang. */
  'timer.changed': (payload: TimerChangedPayload) => void;
  /** Organizers of the workspace and its overlays: a revolution bot's count changed, it fired or cooled down. */
  'revolution.progress': (payload: RevolutionProgressDto) => void;
  /** Organizers of the workspace and its overlays: a goal's progress changed (contribution, milestone, reset). */
  'goal.progress': (payload: GoalProgressPayload) => void;
  /** Organizers of the workspace and its overlays: a vote's tally, aggregated on a short tick. */
  'vote.tally': (payload: VoteTallyPayload) => void;
  /** Organizers of the workspace and its overlays: a redeem was made (the recent-redeems overlay). */
  'redeem.recent': (payload: RecentRedeemPayload) => void;
  /** Organizers of the workspace: a viewer's balance moved (manual adjust, cycle, redeem…). */
  'points.changed': (payload: PointsChangedDto) => void;
  /** Organizers of the workspace: redemptions created or moved in the queue, each with its new status. */
  'redeem.queue': (payload: RedeemQueuePayload) => void;
  /** Viewer panels and overlays of the workspace: the public queue changed (no notes). */
  'redeem.public': (payload: RedeemPublicPayload) => void;
  /** Organizers of the workspace: rewards, a counter or the categories changed; refetch. */
  'reward.changed': (payload: RewardChangedPayload) => void;
  /** Overlays of the workspace: a reward or command asks OBS to switch scene or save the replay (the `obs` overlay acts). */
  'obs.action': (payload: ObsActionPayload) => void;
  /** Organizers of the workspace: a webhook subscription changed (e.g. disabled after failures). */
  'webhooks.subscriptionChanged': (payload: WebhookSubscriptionChangedPayload) => void;
  /** Organizers of the workspace: a webhook delivery attempt finished. */
  'webhooks.deliveryChanged': (payload: WebhookDeliveryChangedPayload) => void;
}

export interface ClientToServerEvents {
  ping: (ack: (payload: { serverTime: string }) => void) => void;
  /**
   * Opens a meeting for this socket and acks its snapshot. Attendees may only open their own
   * meeting; `clientId` identifies an organizer's dashboard tab for control.
   */
  'meeting.join': (
    request: { meetingId: string; clientId?: string },
    ack: AckCallback<MeetingSnapshotDto>,
  ) => void;
  'meeting.leave': (request: { meetingId: string }) => void;
  /** Controller only. `expectedVersion` makes a double click a no-op instead of two transitions. */
  'meeting.command': (
    request: { meetingId: string; command: MeetingCommand; expectedVersion?: number },
    ack: AckCallback<LiveStateDto>,
  ) => void;
  'meeting.takeControl': (
    request: { meetingId: string; clientId: string },
    ack: AckCallback<LiveControlDto>,
  ) => void;
  'answer.submit': (
    request: { questionId: string; answer: AnswerInput },
    ack: AckCallback<{ myAnswer: MyAnswerDto }>,
  ) => void;
  'qa.ask': (request: QaAsk, ack: AckCallback<{ entryId: string }>) => void;
  'qa.upvote': (request: { entryId: string }, ack: AckCallback<{ upvotes: number }>) => void;
  /** Organizers (moderator and up) pin, mark answered or hide an entry. */
  'qa.moderate': (request: QaModerate & { meetingId: string }, ack: AckCallback<null>) => void;
  'flag.capture': (
    request: CaptureFlagRequest,
    ack: AckCallback<{ flagName: string; points: number; me: MyScoreDto }>,
  ) => void;
  /** Attendees: say something in the meeting's in-room chat. */
  'inroom.send': (request: InroomChatSend, ack: AckCallback<InroomChatMessageDto>) => void;
  /** Attendees: the meeting's recent in-room chat, oldest first (after a join or reconnect). */
  'inroom.history': (request: { meetingId: string }, ack: AckCallback<InroomChatMessageDto[]>) => void;
  /** Overlays (and organizers, with `workspaceId`): alerts not yet ended and the countdown (after a (re)connect). */
  'alerts.snapshot': (request: { workspaceId?: string }, ack: AckCallback<AlertsSnapshotDto>) => void;
  /** Overlays (and organizers, with `workspaceId`): revolution bots' progress (overlays: those shown on it). */
  'revolutions.snapshot': (
    request: { workspaceId?: string },
    ack: AckCallback<RevolutionsSnapshotDto>,
  ) => void;
  /** Overlays (and organizers, with `workspaceId`): every goal's progress (after a (re)connect). */
  'goals.snapshot': (request: { workspaceId?: string }, ack: AckCallback<GoalsSnapshotDto>) => void;
  /** Overlays (and organizers, with `workspaceId`): every vote's tally (after a (re)connect). */
  'votes.snapshot': (request: { workspaceId?: string }, ack: AckCallback<VotesSnapshotDto>) => void;
  /** Overlays (and organizers, with `workspaceId`): the latest redeems, newest first. */
  'redeems.recentSnapshot': (
    request: { workspaceId?: string },
    ack: AckCallback<RecentRedeemsSnapshotDto>,
  ) => void;
}

export const SOCKET_PATH = '/socket.io';
