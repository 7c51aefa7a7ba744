import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type AlertDto, type ChatEvent, REHEARSAL_BURST_MAX_SPREAD_SECONDS } from '@podium/contracts';
import {
  decideRevolution,
  isCoolingDown,
  matchesTrigger,
  REVOLUTION_HIT_MAX_AGE_MS,
  renderRevolutionMessage,
  revolutionHitTime,
  revolutionWindow,
} from '@podium/bots';
import { DomainEvents } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import { OutboxService } from '../../chat/outbox/outbox.service';
import { BotSilence } from '../bot-silence';
import { AlertsService } from '../alerts/alerts.service';
import {
  type ChatStage,
  type ChatStageContext,
  type ChatStageVerdict,
  ChatStages,
  isSilent,
} from '../chat-stages';
import { type RevolutionRow, RevolutionsRepository } from './revolutions.repository';
import { toRevolutionProgressDto } from './revolutions.service';

interface HitOutcome {
  row: RevolutionRow;
  count: number;
  now: Date;
  /** This event made the bot fire (now, or in an earlier attempt of the same event). */
  fired: boolean;
  alert: AlertDto | null;
}

/** When the hit was typed (see `revolutionHitTime`); a rehearsal burst's spread is Podium's own, so believed whole. */
function hitTime(event: ChatEvent, now: Date): Date {
  const maxAgeMs =
    event.platform === 'rehearsal' ? REHEARSAL_BURST_MAX_SPREAD_SECONDS * 1000 : REVOLUTION_HIT_MAX_AGE_MS;
  return revolutionHitTime(new Date(event.occurredAt), new Date(event.receivedAt), now, maxAgeMs);
}

/**
 * Revolutions (order 50): a message whose first word is a bot's trigger is a hit, at the time it
 * was typed. Each hit is counted holding the bot's row lock (on the database's clock), so a burst
 * from many viewers at once fires exactly once.
 */
@Injectable()
export class RevolutionsStage implements ChatStage, OnModuleInit {
  readonly name = 'revolutions';
  readonly order = 50;

  constructor(
    private readonly stages: ChatStages,
    private readonly tx: TransactionRunner,
    private readonly repository: RevolutionsRepository,
    private readonly alerts: AlertsService,
    private readonly outbox: OutboxService,
    private readonly events: DomainEvents,
    private readonly silence: BotSilence,
  ) {}

  onModuleInit(): void {
    this.stages.register(this);
  }

  async handle(context: ChatStageContext): Promise<ChatStageVerdict> {
    const { event } = context;
    if (!event.viewerId) return 'continue';
    // Shared by the batch: each hit locks and reads its bot afresh.
    const enabled = await context.shared(`revolutions:${event.workspaceId}`, () =>
      this.repository.listEnabled(this.tx.none, event.workspaceId),
    );
    const bots = enabled.filter((bot) => matchesTrigger(event.text, bot.trigger));
    for (const bot of bots) await this.hit(context, bot.id, event.viewerId);
    return 'continue';
  }

  private async hit(context: ChatStageContext, revolutionId: string, viewerId: string): Promise<void> {
    const { event } = context;
    const outcome = await this.tx.run(async (tx): Promise<HitOutcome | null> => {
      const row = await this.repository.lock(tx, revolutionId);
      if (!row || !row.enabled) return null;
      const now = await this.repository.clock(tx);
      // A retry of the event that fired: the fire is recorded; only its chat message may be missing.
      if (row.fired_by_event_id === event.id) {
        return { row, count: row.fired_count ?? row.threshold, now, fired: true, alert: null };
      }
      const settings = {
        threshold: row.threshold,
        windowSeconds: row.window_seconds,
        cooldownSeconds: row.cooldown_seconds,
      };
      const state = { firedAt: row.fired_at, cooldownUntil: row.cooldown_until };
      if (isCoolingDown(state, now)) return { row, count: 0, now, fired: false, alert: null };
      await this.repository.recordHit(tx, row, viewerId, hitTime(event, now));
      const window = revolutionWindow(settings, state, now);
      const count = await this.repository.countViewers(tx, row.id, window.from, window.afterFire, now);
      const decision = decideRevolution(settings, state, count, now);
      if (!decision.fires) return { row, count, now, fired: false, alert: null };
      const fired = await this.repository.markFired(tx, row.id, {
        firedAt: decision.firedAt,
        cooldownUntil: decision.cooldownUntil,
        eventId: event.id,
        count,
      });
      // The animation commits with the fire: both happen, or neither.
      const alert = await this.alerts.enqueueIn(tx, row.workspace_id, {
        kind: 'revolution',
        text: renderRevolutionMessage(row.message, count),
        mediaId: row.media_id,
        soundMediaId: row.sound_media_id,
        durationMs: row.alert_duration_ms,
      });
      return { row: fired, count, now, fired: true, alert };
    });
    if (!outcome) return;
    if (outcome.alert) this.alerts.published(outcome.alert);
    // The animation plays in passive mode too; only the chat line keeps quiet.
    if (
      outcome.fired &&
      !(await isSilent(context, this.silence)) &&
      (await context.once(`revolution:${revolutionId}:fired`))
    ) {
      await this.outbox.enqueue(
        event.workspaceId,
        renderRevolutionMessage(outcome.row.message, outcome.count),
      );
    }
    this.events.publish('revolution.progressed', {
      progress: toRevolutionProgressDto(outcome.row, outcome.count, outcome.now),
    });
  }
}
