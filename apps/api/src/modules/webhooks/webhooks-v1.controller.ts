import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
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
import { UuidParam } from '../../common/http/params';
import { type ApiActor, ApiTokenAuth, CurrentApiActor } from '../public-api/auth/api-token.guard';
import { IdempotencyInterceptor } from '../public-api/auth/idempotency.interceptor';
import {
  ApiErrorResponse,
  ApiIdempotent,
  ApiV1Operation,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
} from '../public-api/openapi/zod-openapi';
import {
  DELIVERY_EXAMPLE,
  SUBSCRIPTION_EXAMPLE,
  SUBSCRIPTION_WITH_SECRET_EXAMPLE,
} from './webhooks-v1.examples';
import { WebhooksService } from './webhooks.service';

const NO_SUBSCRIPTION = () =>
  ApiErrorResponse(404, 'webhooks.subscription_not_found', 'No such webhook subscription');
const NO_DELIVERY = () => ApiErrorResponse(404, 'webhooks.delivery_not_found', 'No such webhook delivery');
const SIGNING =
  ' Each delivery is a POST with `Podium-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` ' +
  'and `Podium-Event-Id` (the same in every retry and replay).';

/** `/api/v1/workspaces/:workspaceId/webhooks`: manage outbound webhook subscriptions (`webhooks:write`). */
@ApiTags('v1: webhooks')
@Controller('v1/workspaces/:workspaceId/webhooks')
export class WebhooksV1Controller {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('deliveries')
  @ApiTokenAuth('webhooks:write')
  @ApiV1Operation(
    'The delivery log',
    'Deliveries newest first, each with its attempts (status code, duration, first 1 KB of the answer). ' +
      'Filter by `subscriptionId` or `status`; page with `before` = the last id. Needs `webhooks:write`.',
  )
  @ApiZodQuery(WebhookDeliveriesQuerySchema)
  @ApiZodResponse(200, 'Deliveries, newest first', [DELIVERY_EXAMPLE])
  deliveries(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @Query({ schema: WebhookDeliveriesQuerySchema }) query: WebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.deliveriesIn(actor.workspaceId, query);
  }

  @Get('deliveries/:deliveryId')
  @ApiTokenAuth('webhooks:write')
  @NO_DELIVERY()
  @ApiV1Operation('Get a delivery', 'One delivery with its body and attempts. Needs `webhooks:write`.')
  @ApiZodResponse(200, 'The delivery', DELIVERY_EXAMPLE)
  delivery(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.deliveryIn(actor.workspaceId, deliveryId);
  }

  @Post('deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiTokenAuth('webhooks:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_DELIVERY()
  @ApiErrorResponse(409, 'webhooks.delivery_pending', 'This delivery is still being sent or retried')
  @ApiV1Operation(
    'Replay a delivery',
    'Sends a finished delivery once more, with the same body and event id (receivers de-duplicate by it). ' +
      'The attempt runs in the background: read the delivery to see its outcome. Needs `webhooks:write`.',
  )
  @ApiZodResponse(202, 'Queued', { ...DELIVERY_EXAMPLE, status: 'pending' })
  replay(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.replayIn(actor.workspaceId, deliveryId);
  }

  @Get()
  @ApiTokenAuth('webhooks:write')
  @ApiV1Operation(
    'List webhook subscriptions',
    'Every subscription of the workspace. Needs `webhooks:write`.',
  )
  @ApiZodResponse(200, 'Subscriptions', [SUBSCRIPTION_EXAMPLE])
  list(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
  ): Promise<WebhookSubscriptionDto[]> {
    return this.webhooks.listIn(actor.workspaceId);
  }

  @Get(':subscriptionId')
  @ApiTokenAuth('webhooks:write')
  @NO_SUBSCRIPTION()
  @ApiV1Operation(
    'Get a webhook subscription',
    'One subscription (never its secret). Needs `webhooks:write`.',
  )
  @ApiZodResponse(200, 'The subscription', SUBSCRIPTION_EXAMPLE)
  get(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
  ): Promise<WebhookSubscriptionDto> {
    return this.webhooks.getIn(actor.workspaceId, subscriptionId);
  }

  @Post()
  @HttpCode(201)
  @ApiTokenAuth('webhooks:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @ApiErrorResponse(400, 'validation.invalid', 'url must be an http(s) URL')
  @ApiErrorResponse(
    409,
    'webhooks.too_many_subscriptions',
    'A workspace has at most 50 webhook subscriptions',
  )
  @ApiV1Operation(
    'Subscribe a URL to events',
    "Creates a subscription. `kind` `json` posts Podium's envelope `{id, type, createdAt, workspaceId, data}`; " +
      "`discord` posts Discord's message shape to a Discord webhook URL. The answer holds the signing `secret`: " +
      'the only time it is shown.' +
      SIGNING +
      ' Failed deliveries are retried with exponential backoff; after repeated failed deliveries the ' +
      'subscription is disabled. Needs `webhooks:write`.',
  )
  @ApiZodBody(CreateWebhookSubscriptionRequestSchema, {
    url: 'https://example.com/podium/webhooks',
    kind: 'json',
    eventTypes: ['redeem.created', 'goal.reached'],
    description: 'Stream Deck bridge',
  })
  @ApiZodResponse(201, 'Created, with its secret', SUBSCRIPTION_WITH_SECRET_EXAMPLE)
  create(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @Body({ schema: CreateWebhookSubscriptionRequestSchema }) body: CreateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.webhooks.createIn(actor.workspaceId, body);
  }

  @Patch(':subscriptionId')
  @ApiTokenAuth('webhooks:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_SUBSCRIPTION()
  @ApiV1Operation(
    'Edit a webhook subscription',
    'Any subset of url, eventTypes, description, enabled. `enabled: true` re-enables a subscription ' +
      'disabled after failures and clears its failure count. Needs `webhooks:write`.',
  )
  @ApiZodBody(UpdateWebhookSubscriptionRequestSchema, { enabled: true })
  @ApiZodResponse(200, 'The subscription', SUBSCRIPTION_EXAMPLE)
  update(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
    @Body({ schema: UpdateWebhookSubscriptionRequestSchema }) body: UpdateWebhookSubscriptionRequest,
  ): Promise<WebhookSubscriptionDto> {
    return this.webhooks.updateIn(actor.workspaceId, subscriptionId, body);
  }

  @Delete(':subscriptionId')
  @HttpCode(204)
  @ApiTokenAuth('webhooks:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_SUBSCRIPTION()
  @ApiV1Operation('Delete a webhook subscription', 'It and its delivery log go. Needs `webhooks:write`.')
  @ApiZodResponse(204, 'Deleted')
  remove(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
  ): Promise<void> {
    return this.webhooks.removeIn(actor.workspaceId, subscriptionId);
  }

  @Post(':subscriptionId/secret')
  @HttpCode(200)
  @ApiTokenAuth('webhooks:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_SUBSCRIPTION()
  @ApiV1Operation(
    'Rotate the signing secret',
    'A new secret, shown in this answer only; deliveries are signed with it from now on. Needs `webhooks:write`.',
  )
  @ApiZodResponse(200, 'The subscription with its new secret', SUBSCRIPTION_WITH_SECRET_EXAMPLE)
  rotateSecret(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
  ): Promise<WebhookSubscriptionWithSecretDto> {
    return this.webhooks.rotateSecretIn(actor.workspaceId, subscriptionId);
  }

  @Post(':subscriptionId/test')
  @HttpCode(202)
  @ApiTokenAuth('webhooks:write')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiIdempotent()
  @NO_SUBSCRIPTION()
  @ApiV1Operation(
    'Send a test event',
    'Queues a `webhook.test` delivery to this subscription, enabled or not; it is not retried. ' +
      'Needs `webhooks:write`.',
  )
  @ApiZodResponse(202, 'Queued', { ...DELIVERY_EXAMPLE, status: 'pending', attempts: 0, attemptLog: [] })
  test(
    @CurrentApiActor() actor: ApiActor,
    @UuidParam('workspaceId') _workspaceId: string,
    @UuidParam('subscriptionId') subscriptionId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTestIn(actor.workspaceId, subscriptionId);
  }
}
