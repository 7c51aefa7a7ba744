import { z } from 'zod';
import { type ChatEvent, INROOM_MESSAGE_MAX_LENGTH, VIEWER_ROLES } from './chat.contract';

/**
 * Rehearsal mode: a built-in chat simulator. Fake viewers' messages and events go through the same
 * pipeline as a real platform's, on the workspace's `rehearsal` connection, so bots, alerts,
 * questions and points react as they would live.
 */

/** The events an organizer can inject (the kinds a real platform sends that bots react to). */
export const REHEARSAL_EVENT_KINDS = [
  'message',
  'follow',
  'subscription',
  'gift',
  'cheer',
  'raid',
  'donation',
  'stream_online',
  'stream_offline',
] as const;
export const RehearsalEventKindSchema = z.enum(REHEARSAL_EVENT_KINDS);
export type RehearsalEventKind = z.infer<typeof RehearsalEventKindSchema>;

/** Channel events carry no viewer; every other kind needs one. */
export const REHEARSAL_CHANNEL_KINDS: readonly RehearsalEventKind[] = ['stream_online', 'stream_offline'];

export const REHEARSAL_VIEWER_NAME_MAX_LENGTH = 50;
/** A burst speaks as at most this many distinct fake viewers. */
export const REHEARSAL_BURST_MAX_VIEWERS = 200;
/** A burst's messages are dated over at most this many seconds before now. */
export const REHEARSAL_BURST_MAX_SPREAD_SECONDS = 600;

/** A fake viewer. The same display name (case-insensitive) is always the same viewer. */
export const RehearsalViewerSchema = z.object({
  displayName: z.string().trim().min(1, { message: 'is required' }).max(REHEARSAL_VIEWER_NAME_MAX_LENGTH),
  /** Badges the fake viewer wears (moderator, subscriber…); decides what commands they may use. */
  roles: z
    .array(z.enum(VIEWER_ROLES))
    .max(VIEWER_ROLES.length)
    .default([])
    .transform((roles) => [...new Set(roles)]),
});
export type RehearsalViewer = z.input<typeof RehearsalViewerSchema>;
/** A fake viewer after validation (roles defaulted and de-duplicated). */
export type ParsedRehearsalViewer = z.output<typeof RehearsalViewerSchema>;

/** The numbers an event carries; only those that fit the kind are used. */
export const RehearsalAmountsSchema = z.object({
  /** Cheer: bits. */
  bits: z.number().int().min(1).max(1_000_000).optional(),
  /** Donation: a decimal amount ("4.99") and an ISO 4217 currency ("EUR"). */
  money: z
    .object({
      amount: z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, { message: 'must be a decimal amount like 4.99' }),
      currency: z
        .string()
        .regex(/^[A-Za-z]{3}$/, { message: 'must be a 3-letter currency code' })
        .transform((value) => value.toUpperCase()),
    })
    .optional(),
  /** Gift: subscriptions given at once. */
  giftCount: z.number().int().min(1).max(1_000).optional(),
  /** Raid: viewers arriving. */
  raidViewers: z.number().int().min(0).max(1_000_000).optional(),
  /** Subscription / gift tier as Twitch names it ("1000", "2000", "3000") or a level name. */
  tier: z.string().trim().min(1).max(40).optional(),
  /** Subscription: cumulative months. */
  months: z.number().int().min(1).max(1_000).optional(),
});
export type RehearsalAmounts = z.input<typeof RehearsalAmountsSchema>;

/** `POST /api/workspaces/:wid/rehearsal/events`: one event from one fake viewer. */
export const RehearsalEventRequestSchema = z
  .object({
    kind: RehearsalEventKindSchema,
    /** Required for every kind but stream_online / stream_offline (ignored there). */
    viewer: RehearsalViewerSchema.optional(),
    /** The chat line (message), or the note of a sub, cheer or donation. */
    text: z.string().trim().max(INROOM_MESSAGE_MAX_LENGTH).optional(),
    amounts: RehearsalAmountsSchema.optional(),
    /** Chosen by the page per click: a resent request records the event once. */
    eventId: z.uuid().optional(),
  })
  .superRefine((value, ctx) => {
    const channel = REHEARSAL_CHANNEL_KINDS.includes(value.kind);
    if (!channel && !value.viewer) {
      ctx.addIssue({ code: 'custom', path: ['viewer'], message: 'is required for this kind' });
    }
    if (value.kind === 'message' && !value.text) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required for a message' });
    }
  });
export type RehearsalEventRequest = z.input<typeof RehearsalEventRequestSchema>;
export type ParsedRehearsalEvent = z.output<typeof RehearsalEventRequestSchema>;

/**
 * `POST /api/workspaces/:wid/rehearsal/burst`: the same line from many distinct fake viewers
 * (`<namePrefix>1` … `<namePrefix>N`), to try a revolution bot.
 */
export const RehearsalBurstRequestSchema = z.object({
  text: z.string().trim().min(1, { message: 'is required' }).max(INROOM_MESSAGE_MAX_LENGTH),
  viewers: z.number().int().min(1).max(REHEARSAL_BURST_MAX_VIEWERS),
  /** The messages are dated evenly over this many seconds up to now; 0 (default) dates them all now. */
  spreadSeconds: z.number().int().min(0).max(REHEARSAL_BURST_MAX_SPREAD_SECONDS).default(0),
  /** Fake viewers are named `<namePrefix><n>`; the same prefix and n are the same viewer. */
  namePrefix: z
    .string()
    .trim()
    .min(1)
    .max(REHEARSAL_VIEWER_NAME_MAX_LENGTH - 3)
    .default('viewer'),
});
export type RehearsalBurstRequest = z.input<typeof RehearsalBurstRequestSchema>;
export type ParsedRehearsalBurst = z.output<typeof RehearsalBurstRequestSchema>;

/** The workspace's rehearsal connection (`GET /api/workspaces/:wid/rehearsal`). */
export interface RehearsalStatusDto {
  /** Filter the chat log by it, or send to it only. */
  connectionId: string;
  /** Toggled by injected stream_online / stream_offline: announcements "only when live" count it then. */
  live: boolean;
}

/** What an injection recorded (a resent eventId records nothing new). */
export interface RehearsalInjectionDto {
  status: RehearsalStatusDto;
  events: ChatEvent[];
}
