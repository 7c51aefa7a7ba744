import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { meetingTransitionEvents, revolutionFired } from '@podium/bots';
import type { ChatEvent, QuestionDto, RedemptionDto, WebhookEventType } from '@podium/contracts';
import { type DomainEventMap, DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner } from '../../database/transaction';
import { MeetingsService } from '../meetings/meetings.service';
import { GoalsService } from '../redeems/goals/goals.service';
import { VotesService } from '../redeems/votes/votes.service';
import { WebhookDeliveries } from './webhook-deliveries.service';

type PlatformEventType =
  'viewer.followed' | 'viewer.subscribed' | 'viewer.donated' | 'stream.started' | 'stream.ended';

/** Which domain event each platform webhook event comes from. */
const PLATFORM_EVENTS = {
  'viewer.followed': 'viewer.followed',
  'viewer.subscribed': 'viewer.subscribed',
  'viewer.donated': 'viewer.donated',
  'stream.wentOnline': 'stream.started',
  'stream.wentOffline': 'stream.ended',
} as const satisfies Partial<Record<keyof DomainEventMap, PlatformEventType>>;

/**
 * Turns committed domain events into webhook events. Platform events arrive through `dispatch`
 * (awaited, retried when a handler throws): recording them is idempotent by event id, so they are
 * awaited and may throw. The others are published after commit: failures are logged.
 */
@Injectable()
export class WebhookEventsListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WebhookEventsListener.name);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly events: DomainEvents,
    private readonly deliveries: WebhookDeliveries,
    private readonly meetings: MeetingsService,
    private readonly goals: GoalsService,
    private readonly votes: VotesService,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    for (const [domainEvent, type] of Object.entries(PLATFORM_EVENTS) as [
      keyof typeof PLATFORM_EVENTS,
      PlatformEventType,
    ][]) {
      this.unsubscribe.push(this.events.on(domainEvent, ({ event }) => this.platformEvent(type, event)));
    }
    this.unsubscribe.push(
      this.events.on('redeem.created', ({ redemption }) =>
        this.guard('redeem.created', async () => {
          await this.redeem('redeem.created', redemption, redemption.createdAt);
          if (redemption.reward.type === 'goal') await this.goalReached(redemption);
        }),
      ),
      this.events.on('redeem.fulfilled', ({ redemption }) =>
        this.guard('redeem.fulfilled', () =>
          this.redeem('redeem.fulfilled', redemption, redemption.decidedAt ?? new Date().toISOString()),
        ),
      ),
      this.events.on('redeem.refunded', ({ redemption }) =>
        this.guard('redeem.refunded', () =>
          this.redeem('redeem.refunded', redemption, redemption.decidedAt ?? new Date().toISOString()),
        ),
      ),
      this.events.on('vote.tallyChanged', ({ workspaceId, rewardId }) =>
        this.guard('vote.closed', () => this.voteClosed(workspaceId, rewardId)),
      ),
      this.events.on('meeting.stateChanged', (change) =>
        this.guard('meeting.stateChanged', () => this.meetingTransition(change)),
      ),
      this.events.on('revolution.progressed', ({ progress }) =>
        this.guard('revolution.fired', async () => {
          if (!revolutionFired(progress) || progress.firedAt === null) return;
          await this.deliveries.fanOut(
            progress.workspaceId,
            'revolution.fired',
            `revolution.fired:${progress.revolutionId}:${progress.firedAt}`,
            progress.firedAt,
            async () => ({ revolution: progress }),
          );
        }),
      ),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  private platformEvent(type: PlatformEventType, event: ChatEvent): Promise<void> {
    return this.deliveries.fanOut(
      event.workspaceId,
      type,
      `${type}:${event.id}`,
      event.occurredAt,
      async () => ({
        event,
      }),
    );
  }

  private redeem(
    type: 'redeem.created' | 'redeem.fulfilled' | 'redeem.refunded',
    redemption: RedemptionDto,
    at: string,
  ): Promise<void> {
    return this.deliveries.fanOut(redemption.workspaceId, type, `${type}:${redemption.id}`, at, async () => ({
      redemption,
    }));
  }

  /** A goal contribution committed: if it completed the goal, `goal.reached` once for the round. */
  private async goalReached(redemption: RedemptionDto): Promise<void> {
    const goal = await this.goals.one(this.tx.none, redemption.workspaceId, redemption.reward.id);
    if (!goal?.completedAt) return;
    await this.deliveries.fanOut(
      redemption.workspaceId,
      'goal.reached',
      `goal.reached:${goal.rewardId}:${goal.round}`,
      goal.completedAt,
      async () => ({
        goal: { rewardId: goal.rewardId, name: goal.name, round: goal.round, progress: goal.progress },
      }),
    );
  }

  /** A tally changed: when the vote is closed now, `vote.closed` once per closing. */
  private async voteClosed(workspaceId: string, rewardId: string): Promise<void> {
    const tally = await this.votes.one(this.tx.none, workspaceId, rewardId);
    if (!tally?.closedAt) return;
    await this.deliveries.fanOut(
      workspaceId,
      'vote.closed',
      `vote.closed:${rewardId}:${tally.round}:${tally.closedAt}`,
      tally.closedAt,
      async () => ({ vote: tally }),
    );
  }

  private async meetingTransition(change: DomainEventMap['meeting.stateChanged']): Promise<void> {
    const at = change.state.serverTime;
    let meeting: Awaited<ReturnType<MeetingsService['load']>> | undefined;
    const loadMeeting = async () =>
      (meeting ??= await this.meetings.load(change.workspaceId, change.meetingId));
    const questionData = async (questionId: string) => {
      const fromState = change.state.question?.id === questionId ? change.state.question : undefined;
      const question: QuestionDto | null =
        fromState ?? (await loadMeeting()).questions.find((q) => q.id === questionId) ?? null;
      return { meetingId: change.meetingId, questionId, questionIndex: question?.position ?? null, question };
    };
    for (const event of meetingTransitionEvents(change)) {
      const type: WebhookEventType = event.type;
      if (type === 'meeting.ended') {
        await this.deliveries.fanOut(change.workspaceId, 'meeting.ended', event.sourceKey, at, async () => ({
          meetingId: change.meetingId,
          meetingTitle: (await loadMeeting()).title,
        }));
      } else if (event.questionId !== null) {
        const questionId = event.questionId;
        await this.deliveries.fanOut(
          change.workspaceId,
          event.type as 'question.opened' | 'question.closed',
          event.sourceKey,
          at,
          () => questionData(questionId),
        );
      }
    }
  }

  private async guard(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error({ err: error, event: what }, 'webhook event not recorded');
    }
  }
}
