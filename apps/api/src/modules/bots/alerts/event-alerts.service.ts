import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  ALERT_DEFAULT_DURATION_MS,
  type AlertDto,
  type ChatEvent,
  type EventAlertKind,
  type EventAlertSettingsDto,
  type KofiPaymentDto,
  type TestAlertRequest,
  type UpdateEventAlertSettingsRequest,
} from '@podium/contracts';
import {
  defaultEventAlertConfig,
  type EventAlertConfig,
  eventAlertFires,
  eventAlertKindOf,
  eventAlertValues,
  renderEventAlertTemplate,
  sampleEventAlertValues,
} from '@podium/bots';
import { DomainEvents, type DomainEventName } from '../../../common/events/domain-events';
import { TransactionRunner } from '../../../database/transaction';
import type { Actor } from '../../auth/auth.service';
import { OutboxService } from '../../chat/outbox/outbox.service';
import { WorkspaceAccess } from '../../workspaces/workspace-access.service';
import { BotEffectsRepository } from '../bot-effects.repository';
import { BotSilence } from '../bot-silence';
import { MediaService } from '../media/media.service';
import { AlertsService } from './alerts.service';
import { EventAlertSettingsRepository } from './event-alert-settings.repository';

/** The viewer events that raise event alerts. */
const ALERT_EVENTS = [
  'viewer.followed',
  'viewer.subscribed',
  'viewer.giftedSubscriptions',
  'viewer.cheered',
  'viewer.raided',
  'viewer.donated',
] as const satisfies readonly DomainEventName[];

function toDto(kind: EventAlertKind, config: EventAlertConfig, customized: boolean): EventAlertSettingsDto {
  return { kind, ...config, customized };
}

/**
 * Follows, subs, gifts, cheers, raids and donations: a chat line on every connection and an alert
 * in the queue, each once per event however often the event is retried.
 */
@Injectable()
export class EventAlertsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EventAlertsService.name);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly settings: EventAlertSettingsRepository,
    private readonly alerts: AlertsService,
    private readonly media: MediaService,
    private readonly effects: BotEffectsRepository,
    private readonly outbox: OutboxService,
    private readonly access: WorkspaceAccess,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
    private readonly silence: BotSilence,
  ) {}

  onModuleInit(): void {
    for (const name of ALERT_EVENTS) {
      this.unsubscribe.push(this.events.on(name, ({ event }) => this.handle(event)));
    }
    this.unsubscribe.push(
      this.events.on('kofi.paymentRecorded', ({ workspaceId, payment }) =>
        this.kofiPayment(workspaceId, payment),
      ),
    );
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  async get(actor: Actor, workspaceId: string, kind: EventAlertKind): Promise<EventAlertSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    const saved = await this.settings.find(this.tx.none, workspaceId, kind);
    return toDto(kind, saved ?? defaultEventAlertConfig(kind), saved !== null);
  }

  async update(
    actor: Actor,
    workspaceId: string,
    kind: EventAlertKind,
    request: UpdateEventAlertSettingsRequest,
  ): Promise<EventAlertSettingsDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (request.mediaId)
      await this.media.requireUsable(workspaceId, request.mediaId, ['image', 'video'], 'mediaId');
    if (request.soundMediaId) {
      await this.media.requireUsable(workspaceId, request.soundMediaId, ['audio'], 'soundMediaId');
    }
    const config: EventAlertConfig = {
      enabled: request.enabled,
      chatTemplate: request.chatTemplate,
      alertTemplate: request.alertTemplate,
      mediaId: request.mediaId,
      soundMediaId: request.soundMediaId,
      durationMs: request.durationMs,
      minAmount: request.minAmount,
    };
    await this.settings.upsert(this.tx.none, workspaceId, kind, config);
    return toDto(kind, config, true);
  }

  /** Plays a test alert: the kind's own settings with sample values, or a plain text. */
  async test(actor: Actor, workspaceId: string, request: TestAlertRequest): Promise<AlertDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    if (!request.kind) {
      return this.alerts.enqueue(workspaceId, {
        kind: 'test',
        text: request.text ?? 'This is a test alert',
        mediaId: null,
        soundMediaId: null,
        durationMs: ALERT_DEFAULT_DURATION_MS,
      });
    }
    const config =
      (await this.settings.find(this.tx.none, workspaceId, request.kind)) ??
      defaultEventAlertConfig(request.kind);
    const text = renderEventAlertTemplate(config.alertTemplate, sampleEventAlertValues(request.kind));
    return this.alerts.enqueue(workspaceId, {
      kind: 'test',
      text: request.text ?? (text || 'This is a test alert'),
      mediaId: config.mediaId,
      soundMediaId: config.soundMediaId,
      durationMs: config.durationMs,
    });
  }

  /** One viewer event; every side effect is claimed by event id first, so a retry repeats none. */
  async handle(event: ChatEvent): Promise<void> {
    const kind = eventAlertKindOf(event);
    if (!kind) return;
    const config =
      (await this.settings.find(this.tx.none, event.workspaceId, kind)) ?? defaultEventAlertConfig(kind);
    if (!eventAlertFires(config, kind, event)) return;
    const values = eventAlertValues(kind, event);

    const alertText = renderEventAlertTemplate(config.alertTemplate, values);
    if (alertText) {
      const alert = await this.tx.run(async (tx) =>
        (await this.effects.claim(tx, event.id, 'alerts.alert'))
          ? this.alerts.enqueueIn(tx, event.workspaceId, {
              kind,
              text: alertText,
              mediaId: config.mediaId,
              soundMediaId: config.soundMediaId,
              durationMs: config.durationMs,
            })
          : null,
      );
      if (alert) this.alerts.published(alert);
    }

    const chatText = renderEventAlertTemplate(config.chatTemplate, values);
    if (
      chatText &&
      !(await this.silence.isSilent(event.workspaceId)) &&
      (await this.effects.claim(this.tx.none, event.id, 'alerts.chat'))
    ) {
      await this.outbox.enqueue(event.workspaceId, chatText);
      this.logger.debug({ eventId: event.id, kind }, 'event alert said in chat');
    }
  }

  /**
   * A Ko-fi payment raises the `donation` alert and chat line, with the supporter's Ko-fi name,
   * amount, currency and message. `kofi.paymentRecorded` is published once per payment, only by the
   * delivery that recorded it (a redelivery finds the transaction id taken and publishes nothing),
   * so this runs once per payment; a failure is logged, never thrown at the webhook.
   */
  async kofiPayment(workspaceId: string, payment: KofiPaymentDto): Promise<void> {
    try {
      const config =
        (await this.settings.find(this.tx.none, workspaceId, 'donation')) ??
        defaultEventAlertConfig('donation');
      // Shaped as the donation chat event the rules read: amount and currency, message, name.
      const asEvent = {
        amounts: { money: { amount: payment.amount, currency: payment.currency } },
        ...(payment.message ? { text: payment.message } : {}),
        detail: { displayName: payment.fromName || 'Someone', source: 'kofi' },
      };
      if (!eventAlertFires(config, 'donation', asEvent)) return;
      const values = eventAlertValues('donation', asEvent);
      const alertText = renderEventAlertTemplate(config.alertTemplate, values);
      if (alertText) {
        await this.alerts.enqueue(workspaceId, {
          kind: 'donation',
          text: alertText,
          mediaId: config.mediaId,
          soundMediaId: config.soundMediaId,
          durationMs: config.durationMs,
        });
      }
      const chatText = renderEventAlertTemplate(config.chatTemplate, values);
      if (chatText && !(await this.silence.isSilent(workspaceId))) {
        await this.outbox.enqueue(workspaceId, chatText);
      }
      this.logger.debug({ workspaceId, paymentId: payment.id }, 'Ko-fi payment alerted');
    } catch (error) {
      this.logger.error({ err: error, workspaceId, paymentId: payment.id }, 'Ko-fi payment alert failed');
    }
  }
}
