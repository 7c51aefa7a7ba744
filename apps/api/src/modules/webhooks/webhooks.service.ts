import { Injectable } from '@nestjs/common';
import {
  type CreateWebhookSubscriptionRequest,
  CreateWebhookSubscriptionRequestSchema,
  type UpdateWebhookSubscriptionRequest,
  UpdateWebhookSubscriptionRequestSchema,
  WEBHOOK_SUBSCRIPTIONS_MAX,
  type WebhookDeliveriesQuery,
  WebhookDeliveriesQuerySchema,
  type WebhookDeliveryDto,
  type WebhookSubscriptionDto,
  type WebhookSubscriptionWithSecretDto,
} from '@podium/contracts';
import { SecretBox } from '../../common/crypto/secret-box';
import { DomainEvents } from '../../common/events/domain-events';
import { TransactionRunner } from '../../database/transaction';
import type { Actor } from '../auth/auth.service';
import { WorkspaceAccess } from '../workspaces/workspace-access.service';
import { newWebhookSecret, secretHint } from './webhook-crypto';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhooksErrorCode, WebhooksException } from './webhooks.exception';
import { toDeliveryDto, toSubscriptionDto, withSecret } from './webhooks.mapper';
import { type SubscriptionRow, WebhooksRepository } from './webhooks.repository';

/**
 * Webhook subscriptions and their delivery log. Organizers (moderators and owners) go through the
 * methods taking an Actor; the public API (scope `webhooks:write`, checked by its guard) through
 * the `…In(workspaceId)` ones.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly deliveries: WebhookDeliveries,
    private readonly access: WorkspaceAccess,
    private readonly box: SecretBox,
    private readonly events: DomainEvents,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, workspaceId: string): Promise<WebhookSubscriptionDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.listIn(workspaceId);
  }

  async create(
    actor: Actor,
    workspaceId: string,
    request: CreateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.createIn(workspaceId, request);
  }

  async update(
    actor: Actor,
    workspaceId: string,
    id: string,
    request: UpdateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.updateIn(workspaceId, id, request);
  }

  async remove(actor: Actor, workspaceId: string, id: string): Promise<void> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.removeIn(workspaceId, id);
  }

  async rotateSecret(
    actor: Actor,
    workspaceId: string,
    id: string,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.rotateSecretIn(workspaceId, id);
  }

  async sendTest(actor: Actor, workspaceId: string, id: string): Promise<WebhookDeliveryDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.sendTestIn(workspaceId, id);
  }

  async deliveriesOf(
    actor: Actor,
    workspaceId: string,
    query: WebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryDto[]> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.deliveriesIn(workspaceId, query);
  }

  async delivery(actor: Actor, workspaceId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.deliveryIn(workspaceId, deliveryId);
  }

  async replay(actor: Actor, workspaceId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.access.require(actor, workspaceId, 'moderator');
    return this.replayIn(workspaceId, deliveryId);
  }

  /* ---------- without an actor: the caller checked access ---------- */

  async listIn(workspaceId: string): Promise<WebhookSubscriptionDto[]> {
    return (await this.repository.listSubscriptions(this.tx.none, workspaceId)).map(toSubscriptionDto);
  }

  async getIn(workspaceId: string, id: string): Promise<WebhookSubscriptionDto> {
    return toSubscriptionDto(await this.mustFind(workspaceId, id));
  }

  async createIn(
    workspaceId: string,
    request: CreateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    const input = CreateWebhookSubscriptionRequestSchema.parse(request);
    const secret = newWebhookSecret();
    const row = await this.tx.run(async (tx) => {
      if ((await this.repository.countSubscriptions(tx, workspaceId)) >= WEBHOOK_SUBSCRIPTIONS_MAX) {
        throw new WebhooksException(
          WebhooksErrorCode.TooManySubscriptions,
          `A workspace has at most ${WEBHOOK_SUBSCRIPTIONS_MAX} webhook subscriptions`,
        );
      }
      return this.repository.insertSubscription(tx, {
        workspaceId,
        url: input.url,
        kind: input.kind,
        eventTypes: input.eventTypes,
        description: input.description,
        secret: this.box.seal(secret),
        secretHint: secretHint(secret),
        enabled: input.enabled,
      });
    });
    this.changed(row);
    return withSecret(row, secret);
  }

  async updateIn(
    workspaceId: string,
    id: string,
    request: UpdateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionDto> {
    const patch = UpdateWebhookSubscriptionRequestSchema.parse(request);
    const row = await this.repository.updateSubscription(this.tx.none, workspaceId, id, patch);
    if (!row) throw notFound();
    this.changed(row);
    return toSubscriptionDto(row);
  }

  async removeIn(workspaceId: string, id: string): Promise<void> {
    if (!(await this.repository.deleteSubscription(this.tx.none, workspaceId, id))) throw notFound();
    this.deliveries.forget(workspaceId);
  }

  async rotateSecretIn(workspaceId: string, id: string): Promise<WebhookSubscriptionWithSecretDto> {
    const secret = newWebhookSecret();
    const row = await this.repository.setSecret(
      this.tx.none,
      workspaceId,
      id,
      this.box.seal(secret),
      secretHint(secret),
    );
    if (!row) throw notFound();
    this.changed(row);
    return withSecret(row, secret);
  }

  async sendTestIn(workspaceId: string, id: string): Promise<WebhookDeliveryDto> {
    return this.deliveries.sendTest(await this.mustFind(workspaceId, id));
  }

  async deliveriesIn(workspaceId: string, query: WebhookDeliveriesQuery): Promise<WebhookDeliveryDto[]> {
    const parsed = WebhookDeliveriesQuerySchema.parse(query);
    const rows = await this.repository.listDeliveries(this.tx.none, workspaceId, parsed);
    const attempts = await this.repository.attemptsOf(
      this.tx.none,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toDeliveryDto(row, attempts));
  }

  async deliveryIn(workspaceId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const row = await this.repository.findDelivery(this.tx.none, workspaceId, deliveryId);
    if (!row) throw deliveryNotFound();
    return this.deliveries.dtoOf(row);
  }

  async replayIn(workspaceId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const replayed = await this.deliveries.replay(workspaceId, deliveryId);
    if (replayed) return replayed;
    const exists = await this.repository.findDelivery(this.tx.none, workspaceId, deliveryId);
    if (!exists) throw deliveryNotFound();
    throw new WebhooksException(
      WebhooksErrorCode.DeliveryPending,
      'This delivery is still being sent or retried; replay it once it has finished',
    );
  }

  private async mustFind(workspaceId: string, id: string): Promise<SubscriptionRow> {
    const row = await this.repository.findSubscription(this.tx.none, workspaceId, id);
    if (!row) throw notFound();
    return row;
  }

  private changed(row: SubscriptionRow): void {
    this.deliveries.forget(row.workspaceId);
    this.events.publish('webhook.subscriptionChanged', { subscription: toSubscriptionDto(row) });
  }
}

function notFound(): WebhooksException {
  return new WebhooksException(WebhooksErrorCode.SubscriptionNotFound, 'No such webhook subscription');
}

function deliveryNotFound(): WebhooksException {
  return new WebhooksException(WebhooksErrorCode.DeliveryNotFound, 'No such webhook delivery');
}
