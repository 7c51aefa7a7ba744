import { z } from 'zod';

/** Limits of a revolution bot, shared by the schemas, the rules and the admin form. */
export const REVOLUTION_MIN_THRESHOLD = 2;
export const REVOLUTION_MAX_THRESHOLD = 10_000;
export const REVOLUTION_MIN_WINDOW_SECONDS = 5;
export const REVOLUTION_MAX_WINDOW_SECONDS = 3600;
export const REVOLUTION_MAX_COOLDOWN_SECONDS = 86_400;
export const REVOLUTION_MESSAGE_MAX_LENGTH = 500;
export const REVOLUTION_MIN_ALERT_DURATION_MS = 1_000;
export const REVOLUTION_MAX_ALERT_DURATION_MS = 60_000;

/**
 * A revolution bot: when `threshold` distinct viewers type `trigger` within `windowSeconds`, it posts
 * `message` to every connection and plays an animation on the alerts overlay, then rests for
 * `cooldownSeconds`.
 */
export interface RevolutionBotDto {
  id: string;
  workspaceId: string;
  /** What the organizer calls it in the admin; also the overlay bar's label. */
  name: string;
  /** The word a chat message must start with, e.g. `!revolution` (compared case-insensitively). */
  trigger: string;
  /** Distinct viewers needed, 2–10000. */
  threshold: number;
  /** Sliding window the hits must fall in, 5–3600 s. */
  windowSeconds: number;
  /** After firing, hits are ignored for this long, 0–86400 s. */
  cooldownSeconds: number;
  /** Posted to chat when it fires; `{count}` becomes the number of viewers (≤500 characters). */
  message: string;
  /** Image or video played on the alerts overlay (a media id of the workspace), or null. */
  mediaId: string | null;
  /** Sound played with it (an audio media id), or null. */
  soundMediaId: string | null;
  /** How long the alert shows, 1000–60000 ms. */
  alertDurationMs: number;
  enabled: boolean;
  /** Shown as a progress bar on the revolution overlay. */
  showOnOverlay: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A bot's progress towards its threshold: pushed as `revolution.progress` and in snapshots. */
export interface RevolutionProgressDto {
  revolutionId: string;
  workspaceId: string;
  name: string;
  trigger: string;
  /** Distinct viewers in the window since the last fire (the threshold itself at the fire). */
  count: number;
  threshold: number;
  windowSeconds: number;
  /** Hits are ignored until then (ISO), or null when not cooling down. */
  cooldownUntil: string | null;
  /** When it last fired (ISO), or null if never. */
  firedAt: string | null;
  /** Whether the revolution overlay shows it. */
  showOnOverlay: boolean;
  /** Server time the numbers were read at (ISO): the overlay decays `count` from here. */
  at: string;
}

/** The revolution overlay's snapshot: the bots it shows, with their progress. */
export interface RevolutionsSnapshotDto {
  revolutions: RevolutionProgressDto[];
  serverTime: string;
}

/** A trigger is one word: `!revolution`, `#riot`, `hype`. */
export const RevolutionTriggerSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(50)
  .regex(/^\S+$/, { message: 'must be a single word' });

const revolutionFields = {
  name: z.string().trim().min(1, { message: 'is required' }).max(80),
  trigger: RevolutionTriggerSchema,
  threshold: z.number().int().min(REVOLUTION_MIN_THRESHOLD).max(REVOLUTION_MAX_THRESHOLD),
  windowSeconds: z.number().int().min(REVOLUTION_MIN_WINDOW_SECONDS).max(REVOLUTION_MAX_WINDOW_SECONDS),
  cooldownSeconds: z.number().int().min(0).max(REVOLUTION_MAX_COOLDOWN_SECONDS),
  message: z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(REVOLUTION_MESSAGE_MAX_LENGTH, {
      message: `must be at most ${REVOLUTION_MESSAGE_MAX_LENGTH} characters`,
    }),
  mediaId: z.uuid().nullable(),
  soundMediaId: z.uuid().nullable(),
  alertDurationMs: z
    .number()
    .int()
    .min(REVOLUTION_MIN_ALERT_DURATION_MS)
    .max(REVOLUTION_MAX_ALERT_DURATION_MS),
  enabled: z.boolean(),
  showOnOverlay: z.boolean(),
};

/** `POST /api/workspaces/:workspaceId/bots/revolutions`. */
export const CreateRevolutionBotRequestSchema = z.object({
  name: revolutionFields.name,
  trigger: revolutionFields.trigger,
  threshold: revolutionFields.threshold,
  windowSeconds: revolutionFields.windowSeconds.default(60),
  cooldownSeconds: revolutionFields.cooldownSeconds.default(300),
  message: revolutionFields.message,
  mediaId: revolutionFields.mediaId.default(null),
  soundMediaId: revolutionFields.soundMediaId.default(null),
  alertDurationMs: revolutionFields.alertDurationMs.default(8_000),
  enabled: revolutionFields.enabled.default(true),
  showOnOverlay: revolutionFields.showOnOverlay.default(true),
});
export type CreateRevolutionBotRequest = z.input<typeof CreateRevolutionBotRequestSchema>;

/** `PATCH /api/workspaces/:workspaceId/bots/revolutions/:id`: only the fields given change. */
export const UpdateRevolutionBotRequestSchema = z
  .object(revolutionFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: 'nothing to change' });
export type UpdateRevolutionBotRequest = z.input<typeof UpdateRevolutionBotRequestSchema>;
