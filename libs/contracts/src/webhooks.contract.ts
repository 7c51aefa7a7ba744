import { z } from 'zod';
import type { ChatEvent } from './chat.contract';
import type { VoteTallyDto } from './goals-votes.contract';
import type { QuestionDto } from './questions.contract';
import type { RedemptionDto } from './redemptions.contract';
import type { RevolutionProgressDto } from './revolutions.contract';

/**
 * Event types an outbound webhook can subscribe to. Each delivery's body is a
 * `WebhookEventEnvelope` whose `data` has the shape `WebhookEventDataMap[type]`.
 */
export const WEBHOOK_EVENT_TYPES = [
  'redeem.created',
  'redeem.fulfilled',
  'redeem.refunded',
  'goal.reached',
  'vote.closed',
  'question.opened',
  'question.closed',
  'revolution.fired',
  'viewer.followed',
  'viewer.subscribed',
  'viewer.donated',
  'meeting.ended',
  'stream.started',
  'stream.ended',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The type of the deliveries "Send test" makes; it cannot be subscribed to. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';
export type WebhookDeliveryEventType = WebhookEventType | typeof WEBHOOK_TEST_EVENT_TYPE;

/** `json`: Podium's signed envelope. `discord`: a Discord webhook URL, posted Discord's message shape. */
export const WEBHOOK_KINDS = ['json', 'discord'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

/** HTTP headers of every delivery. */
export const WEBHOOK_SIGNATURE_HEADER = 'Podium-Signature';
export const WEBHOOK_EVENT_ID_HEADER = 'Podium-Event-Id';
export const WEBHOOK_EVENT_TYPE_HEADER = 'Podium-Event-Type';

export const WEBHOOK_URL_MAX_LENGTH = 2000;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;
/** Most subscriptions a workspace may have. */
export const WEBHOOK_SUBSCRIPTIONS_MAX = 50;

/** What each event type's `data` holds. */
export interface WebhookEventDataMap {
  'redeem.created': { redemption: RedemptionDto };
  'redeem.fulfilled': { redemption: RedemptionDto };
  'redeem.refunded': { redemption: RedemptionDto };
  /** A goal reward reached its target (once per round). */
  'goal.reached': { goal: { rewardId: string; name: string; round: number; progress: number } };
  /** A vote reward was closed: its final tally. */
  'vote.closed': { vote: VoteTallyDto };
  /** A meeting question opened for answers, or closed. */
  'question.opened': WebhookQuestionData;
  'question.closed': WebhookQuestionData;
  /** A revolution bot fired (enough distinct viewers typed its trigger in its window). */
  'revolution.fired': { revolution: RevolutionProgressDto };
  /** Platform events, normalized: the viewer, amounts and platform are in `event`. */
  'viewer.followed': { event: ChatEvent };
  'viewer.subscribed': { event: ChatEvent };
  'viewer.donated': { event: ChatEvent };
  'stream.started': { event: ChatEvent };
  'stream.ended': { event: ChatEvent };
  /** A live meeting ended (its last transition, to phase `after`). */
  'meeting.ended': { meetingId: string; meetingTitle: string | null };
  'webhook.test': { message: string };
}

export interface WebhookQuestionData {
  meetingId: string;
  questionId: string;
  /** 0-based position in the meeting, when known. */
  questionIndex: number | null;
  /** The question as organizers see it (null when it was deleted meanwhile). */
  question: QuestionDto | null;
}

/**
 * The JSON body of a `json` delivery. `id` is the event's id: the same in every retry and replay
 * (and in the `Podium-Event-Id` header), so a receiver de-duplicates by it.
 */
export interface WebhookEventEnvelope<T extends WebhookDeliveryEventType = WebhookDeliveryEventType> {
  id: string;
  type: T;
  /** When the event happened (ISO 8601). */
  createdAt: string;
  workspaceId: string;
  data: WebhookEventDataMap[T];
}

/** The body of a `discord` delivery: Discord's "execute webhook" message. */
export interface DiscordWebhookMessage {
  content: string;
  embeds: DiscordEmbed[];
  /** Never ping anyone from chat text. */
  allowed_mentions: { parse: never[] };
}

export interface DiscordEmbed {
  title: string;
  description?: string;
  /** 0xRRGGBB as a number. */
  color: number;
  fields: { name: string; value: string; inline?: boolean }[];
  timestamp: string;
}

const WebhookUrlSchema = z
  .string()
  .trim()
  .max(WEBHOOK_URL_MAX_LENGTH)
  .url({ message: 'is not a URL' })
  .refine((value) => /^https?:\/\//i.test(value), { message: 'must be an http(s) URL' });

const EventTypesSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, { message: 'choose at least one event type' })
  .transform((types) => [...new Set(types)]);

/** POST /workspaces/:wid/webhooks (moderator; v1 scope `webhooks:write`). */
export const CreateWebhookSubscriptionRequestSchema = z.object({
  /** Where deliveries are POSTed (http or https; for `discord`, the Discord webhook URL). */
  url: WebhookUrlSchema,
  /** `json` (default) or `discord`. */
  kind: z.enum(WEBHOOK_KINDS).default('json'),
  /** Which events are delivered. */
  eventTypes: EventTypesSchema,
  /** A note for organizers ("Stream Deck", "Discord #live"). */
  description: z.string().trim().max(WEBHOOK_DESCRIPTION_MAX_LENGTH).default(''),
  /** Disabled subscriptions receive nothing (test sends still go). */
  enabled: z.boolean().default(true),
});
export type CreateWebhookSubscriptionRequest = z.input<typeof CreateWebhookSubscriptionRequestSchema>;

/** PATCH /workspaces/:wid/webhooks/:id: any subset; `enabled: true` re-enables (and clears the failure count). */
export const UpdateWebhookSubscriptionRequestSchema = z.object({
  url: WebhookUrlSchema.optional(),
  eventTypes: EventTypesSchema.optional(),
  description: z.string().trim().max(WEBHOOK_DESCRIPTION_MAX_LENGTH).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookSubscriptionRequest = z.input<typeof UpdateWebhookSubscriptionRequestSchema>;

/** Why a subscription is disabled: by an organizer, or automatically after repeated failed deliveries. */
export const WEBHOOK_DISABLED_REASONS = ['manual', 'failures'] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

/** A subscription as organizers see it; the secret is shown only at creation and rotation. */
export interface WebhookSubscriptionDto {
  id: string;
  workspaceId: string;
  url: string;
  kind: WebhookKind;
  eventTypes: WebhookEventType[];
  description: string;
  enabled: boolean;
  /** Null while enabled. */
  disabledReason: WebhookDisabledReason | null;
  disabledAt: string | null;
  /** Deliveries that failed in a row (every attempt); reset by a success or re-enabling. */
  consecutiveFailures: number;
  /** The last 4 characters of the secret, to tell secrets apart. */
  secretHint: string;
  createdAt: string;
  updatedAt: string;
}

/** The answer to creation and to secret rotation: the only time the secret is shown. */
export interface WebhookSubscriptionWithSecretDto extends WebhookSubscriptionDto {
  /** `whsec_…`: signs deliveries (HMAC-SHA256); store it now, it is never shown again. */
  secret: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
/** `pending`: being sent or waiting for a retry; `failed`: every attempt failed (replay by hand). */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** What made an attempt: the first send or an automatic retry, a replay by hand, or "Send test". */
export const WEBHOOK_ATTEMPT_TRIGGERS = ['auto', 'replay', 'test'] as const;
export type WebhookAttemptTrigger = (typeof WEBHOOK_ATTEMPT_TRIGGERS)[number];

/** One HTTP request of a delivery. */
export interface WebhookAttemptDto {
  id: string;
  /** 1-based, across retries and replays. */
  number: number;
  trigger: WebhookAttemptTrigger;
  /** True for a 2xx answer. */
  ok: boolean;
  /** Null when no answer came (refused, timed out). */
  statusCode: number | null;
  /** Why it failed without an answer ("timeout after 10000 ms", "ECONNREFUSED"). */
  error: string | null;
  durationMs: number;
  /** The first 1 KB of the response body. */
  responseExcerpt: string;
  at: string;
}

/** One event to one subscription, with its attempts (newest delivery first in lists). */
export interface WebhookDeliveryDto {
  id: string;
  subscriptionId: string;
  /** The event's id (envelope `id`, `Podium-Event-Id`): stable across retries and replays. */
  eventId: string;
  eventType: WebhookDeliveryEventType;
  status: WebhookDeliveryStatus;
  /** Attempts made so far. */
  attempts: number;
  /** When the next automatic retry is due (null unless pending). */
  nextAttemptAt: string | null;
  /** Status code of the last attempt (null: none yet, or no answer). */
  lastStatusCode: number | null;
  /** Exactly what was POSTed (the envelope, or Discord's message). */
  body: unknown;
  createdAt: string;
  completedAt: string | null;
  attemptLog: WebhookAttemptDto[];
}

/** GET /workspaces/:wid/webhooks/deliveries: newest first. */
export const WebhookDeliveriesQuerySchema = z.object({
  subscriptionId: z.uuid().optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  /** Cursor: the id of the last delivery of the previous page. */
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WebhookDeliveriesQuery = z.input<typeof WebhookDeliveriesQuerySchema>;

/** Socket `webhooks.subscriptionChanged` (organizers of the workspace): e.g. disabled after failures. */
export interface WebhookSubscriptionChangedPayload {
  subscription: WebhookSubscriptionDto;
}

/** Socket `webhooks.deliveryChanged` (organizers of the workspace): an attempt finished. */
export interface WebhookDeliveryChangedPayload {
  workspaceId: string;
  delivery: WebhookDeliveryDto;
}
