import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ChatEvent } from '@podium/contracts';
import { type ActionEventKind, actionCredit, actionNote } from '@podium/points';
import { DomainEvents, type DomainEventName } from '../../../common/events/domain-events';
import { PointsLedger } from '../points-ledger';
import { ActionSettingsService } from './action-settings.service';

/** The viewer events that pay action points, and the kind each is read as. */
const ACTION_EVENTS = {
  'viewer.followed': 'follow',
  'viewer.subscribed': 'subscription',
  'viewer.giftedSubscriptions': 'gift',
  'viewer.cheered': 'cheer',
  'viewer.raided': 'raid',
  'viewer.donated': 'donation',
} as const satisfies Partial<Record<DomainEventName, ActionEventKind>>;

/**
 * Follows, subscriptions, gifts, bits, raids and platform donations credit the viewer who did them
 * (for a raid: the raiding channel's viewer). The ledger key `event:<event id>:<reason>` makes a
 * retried or redelivered event pay once. Ko-fi pays through its own integration, not here.
 */
@Injectable()
export class ActionPointsService implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly settings: ActionSettingsService,
    private readonly ledger: PointsLedger,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    for (const [name, kind] of Object.entries(ACTION_EVENTS) as [
      keyof typeof ACTION_EVENTS,
      ActionEventKind,
    ][]) {
      this.unsubscribe.push(this.events.on(name, ({ event }) => this.credit(event, kind)));
    }
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  /** Credits the event's action once; a throw makes the pipeline retry the event later. */
  async credit(event: ChatEvent, kind: ActionEventKind): Promise<void> {
    if (!event.viewerId) return;
    const settings = await this.settings.forWorkspace(event.workspaceId);
    const input = { kind, platform: event.platform, amounts: event.amounts };
    const credit = actionCredit(settings, input);
    if (!credit) return;
    const viewerId = event.viewerId;
    await this.ledger.run((tx) =>
      this.ledger.credit(tx, {
        workspaceId: event.workspaceId,
        viewerId,
        amount: credit.amount,
        reason: credit.reason,
        sourceKey: `event:${event.id}:${credit.reason}`,
        note: actionNote(input),
      }),
    );
  }
}
