import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import type {
  AlertDto,
  ChatEvent,
  ChatEventKind,
  ConnectionDto,
  InroomChatMessageDto,
  KofiPaymentDto,
  LiveControlDto,
  LiveStateDto,
  MeetingPhase,
  ModerationLogEntryDto,
  ObsActionPayload,
  OutboxMessageDto,
  RedemptionDto,
  Role,
  RevolutionProgressDto,
  TimerDto,
  WebhookDeliveryDto,
  WebhookSubscriptionDto,
  WorkspaceDto,
} from '@podium/contracts';
import type { BatchWrites } from '../concurrency/batch-writes';
import type { SharedReads } from '../concurrency/shared-reads';

/** Every domain event, named `domain.pastTense`, with its payload: the one typed map. */
export interface DomainEventMap {
  'workspace.created': { workspace: WorkspaceDto; ownerUserId: string };
  'workspace.renamed': { workspace: WorkspaceDto };
  'member.roleChanged': { workspaceId: string; userId: string; role: Role };
  'member.joined': { workspaceId: string; userId: string; role: Role };
  'member.removed': { workspaceId: string; userId: string };
  'overlayToken.revoked': { workspaceId: string; tokenId: string };
  /** Settings or questions edited, the run reset (attendees gone) or the meeting deleted. */
  'meeting.changed': { workspaceId: string; meetingId: string; reason: 'edited' | 'reset' | 'deleted' };
  /** A live transition committed; `state` is the organizers' view (quiz answers included). */
  'meeting.stateChanged': {
    workspaceId: string;
    meetingId: string;
    previousPhase: MeetingPhase;
    state: LiveStateDto;
    /** The question this transition closed (its answers are now locked), if it closed one. */
    closedQuestionId?: string;
  };
  /** Answers or Q&A of the meeting changed: its results are due on the next tick (a dirty marker). */
  'meeting.resultsChanged': { meetingId: string };
  /** Attendees connected to or left the meeting: organizers' `present` count is due. */
  'meeting.presenceChanged': { meetingId: string };
  /** Quiz points or flag captures changed: the scoreboard and attendees' scores are due. */
  'meeting.scoreboardChanged': { meetingId: string };
  /** Another organizer dashboard took control, or control was released. */
  'meeting.controlChanged': { control: LiveControlDto };
  'connection.changed': { connection: ConnectionDto };
  'connection.removed': { workspaceId: string; connectionId: string };
  /** An event was recorded (once, whatever the redeliveries): the merged chat log shows it. */
  'chat.eventRecorded': { event: ChatEvent };
  /** An outgoing message changed status (queued, sent, dropped, failed). */
  'chat.outboxChanged': { message: OutboxMessageDto; workspaceId: string };
  /** A line of a meeting's in-room chat, for its attendees. */
  'inroom.messagePosted': { message: InroomChatMessageDto };
  /** Moderation hid a line of a meeting's in-room chat: attendee pages drop it. */
  'inroom.messageHidden': { meetingId: string; messageId: string };
  /** Moderation acted on a message and logged it. */
  'moderation.logged': { entry: ModerationLogEntryDto };
  /** A moderator linked two identities of one person: `source`'s history now belongs to `target`. */
  'viewer.merged': { workspaceId: string; sourceViewerId: string; targetViewerId: string };
  // What viewers did, whatever the platform: bots, points and meetings consume these (dispatched,
  // awaited, and retried from the record when a handler fails, so handlers must be idempotent by event id).
  'chat.messageReceived': ChatEventPayload;
  'viewer.followed': ChatEventPayload;
  'viewer.subscribed': ChatEventPayload;
  'viewer.giftedSubscriptions': ChatEventPayload;
  'viewer.cheered': ChatEventPayload;
  'viewer.raided': ChatEventPayload;
  'viewer.donated': ChatEventPayload;
  'viewer.redeemedChannelReward': ChatEventPayload;
  'viewer.joined': ChatEventPayload;
  'viewer.left': ChatEventPayload;
  'viewer.renamed': ChatEventPayload;
  'stream.wentOnline': ChatEventPayload;
  'stream.wentOffline': ChatEventPayload;
  'stream.updated': ChatEventPayload;
  /** An alert took its slot in the workspace's queue (overlays play it at `startsAt`). */
  'alert.queued': { alert: AlertDto };
  /** The `!timer` countdown started, stopped or rang (`timer` null). */
  'timer.changed': { workspaceId: string; timer: TimerDto | null };
  /** A revolution bot's count changed, it fired, or it cooled down: its progress as read then. */
  'revolution.progressed': { progress: RevolutionProgressDto };
  /** A Ko-fi payment was recorded (once per transaction id); its e-mail is never in the payload. */
  'kofi.paymentRecorded': { workspaceId: string; payment: KofiPaymentDto };
  /** A goal's progress changed (contribution, milestone, completion, reset): its state is due on the next tick. */
  'goal.progressed': { workspaceId: string; rewardId: string };
  /** Ballots of a vote changed, or it closed, reopened or reset: its tally is due on the next tick. */
  'vote.tallyChanged': { workspaceId: string; rewardId: string };
  /** A redeem committed (status pending, or fulfilled at once); after commit. */
  'redeem.created': { redemption: RedemptionDto };
  /** A pending redemption was fulfilled from the queue. */
  'redeem.fulfilled': { redemption: RedemptionDto };
  /** A pending redemption was refunded: its points went back through the ledger. */
  'redeem.refunded': { redemption: RedemptionDto };
  /** A pending redemption was rejected (points kept). */
  'redeem.rejected': { redemption: RedemptionDto };
  /** Rewards or categories changed (null rewardId: several, e.g. import, categories, counters reset). */
  'reward.changed': { workspaceId: string; rewardId: string | null };
  /** A viewer's balance moved through the ledger (published after the commit, latest balance). */
  'points.changed': { workspaceId: string; viewerId: string; balance: number };
  /** A watch-points cycle paid its present viewers (one event, however many were paid). */
  'points.cyclePaid': { workspaceId: string; cycleStart: string; viewers: number; points: number };
  /** A reward was redeemed or a command answered with an OBS action: the `obs` overlays carry it out. */
  'obs.actionRequested': ObsActionPayload;
  /** A webhook subscription changed (created, edited, disabled after failures, re-enabled, deleted). */
  'webhook.subscriptionChanged': { subscription: WebhookSubscriptionDto };
  /** A webhook delivery attempt finished (or a delivery was queued). */
  'webhook.deliveryChanged': { workspaceId: string; delivery: WebhookDeliveryDto };
}

export interface ChatEventPayload {
  event: ChatEvent;
  /** Set when the event is handled in a batch: reads its handlers may share with the batch's other events. */
  reads?: SharedReads;
  /** Set with `reads`: writes its handlers leave for the batch's end (see BatchWrites). */
  writes?: BatchWrites;
}

/** The domain event each kind of chat event is published as. */
export const CHAT_EVENT_DOMAIN_EVENT = {
  message: 'chat.messageReceived',
  follow: 'viewer.followed',
  subscription: 'viewer.subscribed',
  gift: 'viewer.giftedSubscriptions',
  cheer: 'viewer.cheered',
  raid: 'viewer.raided',
  donation: 'viewer.donated',
  redemption: 'viewer.redeemedChannelReward',
  join: 'viewer.joined',
  part: 'viewer.left',
  rename: 'viewer.renamed',
  stream_online: 'stream.wentOnline',
  stream_offline: 'stream.wentOffline',
  stream_updated: 'stream.updated',
} as const satisfies Record<ChatEventKind, keyof DomainEventMap>;

export type DomainEventName = keyof DomainEventMap;

/**
 * In-process bus for committed domain events. Publish after the transaction commits; listeners
 * (such as the socket broadcaster) must not throw into the publisher, so failures are logged.
 */
@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter();
  private readonly logger = new Logger(DomainEvents.name);

  publish<E extends DomainEventName>(name: E, payload: DomainEventMap[E]): void {
    for (const listener of this.emitter.listeners(name)) {
      try {
        const result = (listener as (p: DomainEventMap[E]) => unknown)(payload);
        if (result instanceof Promise) {
          result.catch((error: unknown) =>
            this.logger.error({ err: error, event: name }, 'domain event listener failed'),
          );
        }
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'domain event listener failed');
      }
    }
  }

  /**
   * Runs every listener of `name` and waits for them, for at-least-once work (chat events): if any
   * listener throws or rejects, the others still run and an AggregateError is thrown so the caller
   * can retry the event later.
   */
  async dispatch<E extends DomainEventName>(name: E, payload: DomainEventMap[E]): Promise<void> {
    const errors: unknown[] = [];
    for (const listener of this.emitter.listeners(name)) {
      try {
        await (listener as (p: DomainEventMap[E]) => unknown)(payload);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `${errors.length} ${name} handler(s) failed`);
  }

  on<E extends DomainEventName>(
    name: E,
    listener: (payload: DomainEventMap[E]) => void | Promise<void>,
  ): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
