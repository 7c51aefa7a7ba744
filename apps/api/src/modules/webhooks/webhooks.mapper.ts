import type {
  WebhookAttemptDto,
  WebhookDeliveryDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionWithSecretDto,
} from '@podium/contracts';
import type { AttemptRow, DeliveryRow, SubscriptionRow } from './webhooks.repository';

export function toSubscriptionDto(row: SubscriptionRow): WebhookSubscriptionDto {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    url: row.url,
    kind: row.kind,
    eventTypes: row.eventTypes,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.enabled ? null : (row.disabledReason ?? 'manual'),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    consecutiveFailures: row.consecutiveFailures,
    secretHint: row.secretHint,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function withSecret(row: SubscriptionRow, secret: string): WebhookSubscriptionWithSecretDto {
  return { ...toSubscriptionDto(row), secret };
}

export function toAttemptDto(row: AttemptRow): WebhookAttemptDto {
  return {
    id: row.id,
    number: row.number,
    trigger: row.trigger,
    ok: row.ok,
    statusCode: row.statusCode,
    error: row.error,
    durationMs: row.durationMs,
    responseExcerpt: row.responseExcerpt,
    at: row.at.toISOString(),
  };
}

export function toDeliveryDto(row: DeliveryRow, attempts: AttemptRow[]): WebhookDeliveryDto {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    lastStatusCode: row.lastStatusCode,
    body: parseBody(row.body),
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    attemptLog: attempts.filter((a) => a.deliveryId === row.id).map(toAttemptDto),
  };
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
