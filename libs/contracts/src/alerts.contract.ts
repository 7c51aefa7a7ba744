import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Media: images, animations and sounds an organizer uploads for alerts and revolutions.
// ---------------------------------------------------------------------------------------------

/** Largest upload accepted, in bytes (10 MB). */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;

/** What a file is, as its magic bytes say (never its name or the client's content type). */
export const MEDIA_KINDS = ['image', 'video', 'audio'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Content types Podium stores and serves. */
export const MEDIA_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'video/webm',
  'video/mp4',
  'audio/mpeg',
  'audio/ogg',
  'audio/wav',
] as const;
export type MediaContentType = (typeof MEDIA_CONTENT_TYPES)[number];

export interface MediaDto {
  id: string;
  /** The uploaded file's name (display only; trimmed to 200 characters). */
  name: string;
  /** Sniffed from the bytes. */
  contentType: MediaContentType;
  kind: MediaKind;
  /** Bytes. */
  size: number;
  createdAt: string;
  /** Public path overlays load it from: `/api/media/<id>`. */
  url: string;
}

// ---------------------------------------------------------------------------------------------
// The alert queue: what the alerts overlay plays, one after the other, never overlapping.
// ---------------------------------------------------------------------------------------------

export const ALERT_KINDS = [
  'follow',
  'subscription',
  'gift',
  'cheer',
  'raid',
  'donation',
  'revolution',
  'timer',
  'test',
  /** A goal's milestone or completion (goals-votes). */
  'goal',
] as const;
export const AlertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKindSchema>;

export const ALERT_MIN_DURATION_MS = 1_000;
export const ALERT_MAX_DURATION_MS = 60_000;
export const ALERT_DEFAULT_DURATION_MS = 5_000;

/** What a service asks the queue to play (`AlertsService.enqueue`). */
export interface AlertRequest {
  kind: AlertKind;
  /** Plain text shown under the media; rendered as text, never HTML. At most 500 characters. */
  text: string;
  /** Image or video to show (a media id of the same workspace), or null. */
  mediaId: string | null;
  /** Sound to play (an audio media id of the same workspace), or null. */
  soundMediaId: string | null;
  /** How long it is shown, 1–60 s. */
  durationMs: number;
}

/** One queued alert: its slot never overlaps another alert of the workspace. */
export interface AlertDto {
  id: string;
  workspaceId: string;
  kind: AlertKind;
  text: string;
  mediaId: string | null;
  /** Content type of `mediaId`, so the overlay picks <img> or <video>; null without media. */
  mediaContentType: MediaContentType | null;
  soundMediaId: string | null;
  durationMs: number;
  /** Server time when the overlay shows it (ISO). */
  startsAt: string;
  /** Server time when it is gone: `startsAt + durationMs` (ISO). */
  endsAt: string;
  createdAt: string;
}

/** Overlay snapshot: alerts not yet ended (oldest first), the countdown, and server time. */
export interface AlertsSnapshotDto {
  alerts: AlertDto[];
  timer: TimerDto | null;
  serverTime: string;
}

// ---------------------------------------------------------------------------------------------
// Event alerts: what a follow, sub, gift, cheer, raid or donation does (chat line + alert).
// ---------------------------------------------------------------------------------------------

export const EVENT_ALERT_KINDS = ['follow', 'subscription', 'gift', 'cheer', 'raid', 'donation'] as const;
export const EventAlertKindSchema = z.enum(EVENT_ALERT_KINDS);
export type EventAlertKind = z.infer<typeof EventAlertKindSchema>;

/** Placeholders the templates understand; unknown `{…}` stay as typed. */
export const EVENT_ALERT_PLACEHOLDERS = [
  'user',
  'amount',
  'count',
  'tier',
  'months',
  'viewers',
  'currency',
  'message',
] as const;
export type EventAlertPlaceholder = (typeof EVENT_ALERT_PLACEHOLDERS)[number];

export interface EventAlertSettingsDto {
  kind: EventAlertKind;
  /** Off: neither chat line nor alert. */
  enabled: boolean;
  /** Said in chat on every connection; empty = say nothing. */
  chatTemplate: string;
  /** Shown on the alerts overlay; empty = no alert. */
  alertTemplate: string;
  mediaId: string | null;
  soundMediaId: string | null;
  durationMs: number;
  /**
   * Below this nothing fires: bits for cheer, money for donation (in its currency), viewers for
   * raid, subscriptions for gift; 0 = always. Ignored for follow and subscription.
   */
  minAmount: number;
  /** False while the workspace still uses the defaults (nothing saved yet). */
  customized: boolean;
}

export const EVENT_ALERT_TEMPLATE_MAX = 500;

export const UpdateEventAlertSettingsRequestSchema = z.object({
  enabled: z.boolean(),
  chatTemplate: z.string().trim().max(EVENT_ALERT_TEMPLATE_MAX),
  alertTemplate: z.string().trim().max(EVENT_ALERT_TEMPLATE_MAX),
  mediaId: z.uuid().nullable(),
  soundMediaId: z.uuid().nullable(),
  durationMs: z.number().int().min(ALERT_MIN_DURATION_MS).max(ALERT_MAX_DURATION_MS),
  minAmount: z.number().min(0).max(1_000_000),
});
export type UpdateEventAlertSettingsRequest = z.input<typeof UpdateEventAlertSettingsRequestSchema>;

/** `POST .../bots/alerts/test`: plays an alert now (as of the queue) without any event. */
export const TestAlertRequestSchema = z.object({
  /** Use this kind's settings (template filled with sample values); absent = a plain test alert. */
  kind: EventAlertKindSchema.optional(),
  /** Text of a plain test alert. */
  text: z.string().trim().min(1).max(500).optional(),
});
export type TestAlertRequest = z.input<typeof TestAlertRequestSchema>;

// ---------------------------------------------------------------------------------------------
// The countdown `!timer <minutes>` starts, shown in a corner of the alerts overlay.
// ---------------------------------------------------------------------------------------------

export const TIMER_MIN_MINUTES = 1;
export const TIMER_MAX_MINUTES = 600;

export interface TimerDto {
  id: string;
  /** When it rings (ISO server time). */
  endsAt: string;
  startedAt: string;
}

/** Socket payloads (`alert.queued`, `timer.changed`) go to overlays and organizers of the workspace. */
export interface AlertQueuedPayload {
  workspaceId: string;
  alert: AlertDto;
}
export interface TimerChangedPayload {
  workspaceId: string;
  /** null: stopped or rung. */
  timer: TimerDto | null;
}
