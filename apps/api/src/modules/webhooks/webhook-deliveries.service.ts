import { Remembered } from '../../common/concurrency/remembered';

import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import {
  type AttemptTrigger,
  type WebhookRetryPolicy,
  afterFailedAttempt,
  isDelivered,
  toDiscordMessage,
} from '@podium/bots';
import {
  WEBHOOK_TEST_EVENT_TYPE,
  type WebhookDeliveryDto,
  type WebhookEventDataMap,
  type WebhookEventEnvelope,
  type WebhookEventType,
} from '@podium/contracts';
import { z } from 'zod';
import { SecretBox } from '../../common/crypto/secret-box';
import { DomainEvents } from '../../common/events/domain-events';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction';
import { JobScheduler } from '../scheduler/job-scheduler';
import { webhookEventId } from './webhook-crypto';
import { WebhookSender } from './webhook-sender';
import { toDeliveryDto, toSubscriptionDto } from './webhooks.mapper';
import { type DeliveryRow, type SubscriptionRow, WebhooksRepository } from './webhooks.repository';

export const WEBHOOK_DELIVER_JOB = 'webhooks.deliver';
export const WEBHOOK_SWEEP_JOB = 'webhooks.sweep';
const SWEEP_EVERY_MS = 60_000;
/** A pending delivery this late has lost its job (a restart): the sweep enqueues it again. */
const OVERDUE_GRACE_MS = 60_000;
/**
 * Every redeem, vote and donation asks who listens: a workspace's enabled subscriptions are
 * remembered this long. Changes made through this replica apply at once (`forget`); others within this long.
 */
const LISTENING_TTL_MS = 1_000;

const DeliverJobSchema = z.object({
  deliveryId: z.uuid(),
  /** The attempt this job makes (1-based). */
  attempt: z.number().int().min(1),
  trigger: z.enum(['auto', 'replay', 'test']),
});
type DeliverJob = z.infer<typeof DeliverJobSchema>;

/**
 * Outbound deliveries: fans an event out to the subscriptions listening to it (one row per
 * subscription and event id), sends each from a job, retries with backoff, logs every attempt and
 * disables a subscription after too many failed deliveries in a row.
 */
@Injectable()
export class WebhookDeliveries implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveries.name);
  private readonly policy: WebhookRetryPolicy;
  private readonly enabled = new Remembered<SubscriptionRow[]>(LISTENING_TTL_MS);

  constructor(
    private readonly repository: WebhooksRepository,
    private readonly sender: WebhookSender,
    private readonly scheduler: JobScheduler,
    private readonly box: SecretBox,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {
    this.policy = { delaysMs: config.webhooks.retryDelaysMs, disableAfter: config.webhooks.disableAfter };
  }

  onModuleInit(): void {
    this.scheduler.register<unknown>(WEBHOOK_DELIVER_JOB, (run) =>
      this.deliver(DeliverJobSchema.parse(run.data)),
    );
    this.scheduler.register(WEBHOOK_SWEEP_JOB, () => this.sweep());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.schedule(WEBHOOK_SWEEP_JOB, WEBHOOK_SWEEP_JOB, SWEEP_EVERY_MS);
  }

  /**
   * Records the event for every enabled subscription listening to `type` and queues the sends.
   * `data` is only built when someone listens. Idempotent: the same `sourceKey` gives the same event
   * id, and a subscription gets an event id once.
   */
  async fanOut<T extends WebhookEventType>(
    workspaceId: string,
    type: T,
    sourceKey: string,
    occurredAt: string,
    data: () => Promise<WebhookEventDataMap[T] | null>,
  ): Promise<void> {
    const listening = (await this.enabledIn(workspaceId)).filter((s) => s.eventTypes.includes(type));
    if (listening.length === 0) return;
    const payload = await data();
    if (payload === null) return;
    const envelope: WebhookEventEnvelope<T> = {
      id: webhookEventId(workspaceId, sourceKey),
      type,
      createdAt: occurredAt,
      workspaceId,
      data: payload,
    };
    for (const subscription of listening) {
      const delivery = await this.repository.insertDelivery(this.tx.none, {
        workspaceId,
        subscriptionId: subscription.id,
        eventId: envelope.id,
        eventType: type,
        body: bodyFor(subscription, envelope),
      });
      if (delivery) await this.enqueue({ deliveryId: delivery.id, attempt: 1, trigger: 'auto' }, 0);
    }
  }

  /** A subscription of the workspace was created, changed or deleted: ask the database next time. */
  forget(workspaceId: string): void {
    this.enabled.forget(workspaceId);
  }

  private enabledIn(workspaceId: string): Promise<SubscriptionRow[]> {
    return this.enabled.get(workspaceId, () => this.repository.listEnabled(this.tx.none, workspaceId));
  }

  /** "Send test": a `webhook.test` event to this subscription alone, enabled or not. */
  async sendTest(subscription: SubscriptionRow): Promise<WebhookDeliveryDto> {
    const envelope: WebhookEventEnvelope<typeof WEBHOOK_TEST_EVENT_TYPE> = {
      id: webhookEventId(subscription.workspaceId, `test:${randomUUID()}`),
      type: WEBHOOK_TEST_EVENT_TYPE,
      createdAt: new Date().toISOString(),
      workspaceId: subscription.workspaceId,
      data: { message: 'A test from Podium: this endpoint receives its webhooks.' },
    };
    const delivery = await this.repository.insertDelivery(this.tx.none, {
      workspaceId: subscription.workspaceId,
      subscriptionId: subscription.id,
      eventId: envelope.id,
      eventType: envelope.type,
      body: bodyFor(subscription, envelope),
    });
    if (!delivery) throw new Error('a test delivery collided with another event id');
    await this.enqueue({ deliveryId: delivery.id, attempt: 1, trigger: 'test' }, 0);
    return toDeliveryDto(delivery, []);
  }

  /** Queues one more attempt of a finished delivery, same body and event id. Null if still pending. */
  async replay(workspaceId: string, deliveryId: string): Promise<WebhookDeliveryDto | null> {
    const delivery = await this.repository.reopenForReplay(this.tx.none, workspaceId, deliveryId);
    if (!delivery) return null;
    await this.enqueue({ deliveryId, attempt: delivery.attempts + 1, trigger: 'replay' }, 0);
    return this.dtoOf(delivery);
  }

  async dtoOf(row: DeliveryRow): Promise<WebhookDeliveryDto> {
    return toDeliveryDto(row, await this.repository.attemptsOf(this.tx.none, [row.id]));
  }

  /** One attempt (the job). Never throws for a receiver's failure: retries are scheduled here. */
  async deliver(job: DeliverJob): Promise<void> {
    const leaseMs = this.config.webhooks.timeoutMs + OVERDUE_GRACE_MS / 2;
    const claimed = await this.repository.claimAttempt(
      this.tx.none,
      job.deliveryId,
      job.attempt,
      job.trigger,
      leaseMs,
    );
    if (!claimed) return; // Done already, or another job took this attempt.
    const subscription = await this.repository.findSubscription(
      this.tx.none,
      claimed.workspaceId,
      claimed.subscriptionId,
    );
    if (!subscription) return; // Deleted meanwhile (its deliveries go with it).
    const result =
      job.trigger === 'auto' && !subscription.enabled
        ? { statusCode: null, error: 'subscription disabled: not sent', durationMs: 0, responseExcerpt: '' }
        : await this.sender.send({
            url: subscription.url,
            secret: this.box.open(subscription.secret),
            body: claimed.body,
            eventId: claimed.eventId,
            eventType: claimed.eventType,
          });
    const ok = result.statusCode !== null && isDelivered(result.statusCode);
    const step = ok
      ? ({ kind: 'give_up' } as const)
      : subscription.enabled || job.trigger !== 'auto'
        ? afterFailedAttempt(this.policy, job.trigger as AttemptTrigger, claimed.autoAttempts)
        : ({ kind: 'give_up' } as const);
    const status = ok ? 'succeeded' : step.kind === 'retry' ? 'pending' : 'failed';
    const { delivery, changed } = await this.tx.run(async (tx) => {
      await this.repository.insertAttempt(tx, {
        workspaceId: claimed.workspaceId,
        deliveryId: claimed.id,
        number: job.attempt,
        trigger: job.trigger,
        ok,
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
        responseExcerpt: result.responseExcerpt,
      });
      const delivery = await this.repository.finishAttempt(tx, claimed.id, {
        status,
        statusCode: result.statusCode,
        retryInMs: step.kind === 'retry' ? step.delayMs : null,
      });
      let changed: SubscriptionRow | null = null;
      if (ok) {
        await this.repository.recordSucceededDelivery(tx, subscription.id);
      } else if (status === 'failed' && job.trigger === 'auto' && subscription.enabled) {
        const after = await this.repository.recordFailedDelivery(
          tx,
          subscription.id,
          this.policy.disableAfter,
        );
        if (after && !after.enabled) changed = after;
      }
      return { delivery, changed };
    });
    if (step.kind === 'retry') {
      await this.enqueue({ deliveryId: claimed.id, attempt: job.attempt + 1, trigger: 'auto' }, step.delayMs);
    }
    if (changed) {
      this.forget(changed.workspaceId);
      this.logger.warn(
        {
          workspaceId: changed.workspaceId,
          subscriptionId: changed.id,
          failures: changed.consecutiveFailures,
        },
        'webhook subscription disabled after failed deliveries',
      );
      this.events.publish('webhook.subscriptionChanged', { subscription: toSubscriptionDto(changed) });
    }
    if (delivery) {
      this.events.publish('webhook.deliveryChanged', {
        workspaceId: delivery.workspaceId,
        delivery: await this.dtoOf(delivery),
      });
    }
  }

  /** Re-enqueues deliveries whose job was lost (a restart between attempts). */
  private async sweep(): Promise<void> {
    const overdue = await this.repository.overdue(this.tx.none, OVERDUE_GRACE_MS, 100);
    for (const row of overdue) {
      const trigger: AttemptTrigger =
        row.eventType === WEBHOOK_TEST_EVENT_TYPE && row.attempts === 0
          ? 'test'
          : row.autoAttempts === row.attempts
            ? 'auto'
            : 'replay';
      await this.enqueue({ deliveryId: row.id, attempt: row.attempts + 1, trigger }, 0);
    }
  }

  /** The job id names the attempt: a retry and the sweep asking for the same attempt collapse. */
  private async enqueue(job: DeliverJob, delayMs: number): Promise<void> {
    try {
      await this.scheduler.enqueue(WEBHOOK_DELIVER_JOB, job, {
        jobId: `webhook-deliver.${job.deliveryId}.${job.attempt}`,
        delayMs,
      });
    } catch (error) {
      // The sweep picks it up: the row is pending with its next attempt due.
      this.logger.error({ err: error, deliveryId: job.deliveryId }, 'webhook delivery not enqueued');
    }
  }
}

/** What a subscription receives: Podium's envelope, or Discord's message shape. */
function bodyFor(subscription: SubscriptionRow, envelope: WebhookEventEnvelope): string {
  return JSON.stringify(subscription.kind === 'discord' ? toDiscordMessage(envelope) : envelope);
}
