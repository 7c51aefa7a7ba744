import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateWebhookSubscriptionRequest,
  CreateWebhookSubscriptionRequestSchema,
  type UpdateWebhookSubscriptionRequest,
  UpdateWebhookSubscriptionRequestSchema,
  type WebhookDeliveriesQuery,
  WebhookDeliveriesQuerySchema,
  type WebhookDeliveryDto,
  type WebhookSubscriptionDto,
  type WebhookSubscriptionWithSecretDto,
} from '@podium/contracts';
import { type Member, Membership } from '../../common/http/membership.decorator';
import { UuidParam } from '../../common/http/params';
import { RequireRole } from '../auth/workspace-role.guard';
import { WebhooksService } from './webhooks.service';

/** The admin's webhooks page (moderators and owners). Delivery routes come first: `deliveries` is no id. */
@ApiTags('webhooks')
@Controller('workspaces/:workspaceId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** The delivery log, newest first. */
  @RequireRole('moderator')
  @Get('deliveries')
  deliveries(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Query({ schema: WebhookDeliveriesQuerySchema }) query: WebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.deliveriesOf(actor, workspaceId, query);
  }

  @RequireRole('moderator')
  @Get('deliveries/:deliveryId')
  delivery(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.delivery(actor, workspaceId, deliveryId);
  }

  /** Sends a finished delivery again, same body and event id (202: the attempt runs in a job). */
  @RequireRole('moderator')
  @Post('deliveries/:deliveryId/replay')
  @HttpCode(202)
  replay(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.replay(actor, workspaceId, deliveryId);
  }

  @RequireRole('moderator')
  @Get()
  list(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
  ): Promise<WebhookSubscriptionDto[]> {
    return this.webhooks.list(actor, workspaceId);
  }

  /** The answer carries the secret: the only time it is shown. */
  @RequireRole('moderator')
  @Post()
  @HttpCode(201)
  create(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @Body({ schema: CreateWebhookSubscriptionRequestSchema }) body: CreateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.webhooks.create(actor, workspaceId, body);
  }

  @RequireRole('moderator')
  @Patch(':subscriptionId')
  update(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
    @Body({ schema: UpdateWebhookSubscriptionRequestSchema }) body: UpdateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionDto> {
    return this.webhooks.update(actor, workspaceId, subscriptionId, body);
  }

  @RequireRole('moderator')
  @Delete(':subscriptionId')
  @HttpCode(204)
  remove(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
  ): Promise<void> {
    return this.webhooks.remove(actor, workspaceId, subscriptionId);
  }

  /** A new secret, shown once; the old one stops signing at once. */
  @RequireRole('moderator')
  @Post(':subscriptionId/secret')
  @HttpCode(200)
  rotateSecret(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.webhooks.rotateSecret(actor, workspaceId, subscriptionId);
  }

  /** Queues a `webhook.test` delivery to this subscription (enabled or not). */
  @RequireRole('moderator')
  @Post(':subscriptionId/test')
  @HttpCode(202)
  test(
    @Membership() actor: Member,
    @UuidParam('workspaceId') workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(actor, workspaceId, subscriptionId);
  }
}
