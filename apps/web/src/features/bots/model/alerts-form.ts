import {
  ALERT_MAX_DURATION_MS,
  ALERT_MIN_DURATION_MS,
  type EventAlertKind,
  type EventAlertPlaceholder,
  type EventAlertSettingsDto,
  type UpdateEventAlertSettingsRequest,
  UpdateEventAlertSettingsRequestSchema,
} from '@podium/contracts';
import { renderEventAlertTemplate, sampleEventAlertValues } from '@podium/bots';
import { type Checked, checkWith, type FieldErrors, parseNumber } from './alerts-validation';

/** One event kind's card while it is edited: numbers stay the strings the inputs hold. */
export interface EventAlertDraft {
  enabled: boolean;
  chatTemplate: string;
  alertTemplate: string;
  /** '' = none. */
  mediaId: string;
  soundMediaId: string;
  /** Seconds, as typed (the contract speaks milliseconds). */
  durationSeconds: string;
  minAmount: string;
}

export function eventAlertDraft(settings: EventAlertSettingsDto): EventAlertDraft {
  return {
    enabled: settings.enabled,
    chatTemplate: settings.chatTemplate,
    alertTemplate: settings.alertTemplate,
    mediaId: settings.mediaId ?? '',
    soundMediaId: settings.soundMediaId ?? '',
    durationSeconds: String(settings.durationMs / 1000),
    minAmount: String(settings.minAmount),
  };
}

/** Follows and subscriptions have no amount to compare with: the minimum is hidden and sent as 0. */
export function usesMinAmount(kind: EventAlertKind): boolean {
  return kind === 'cheer' || kind === 'donation' || kind === 'raid' || kind === 'gift';
}

/** The placeholders worth offering for a kind (the server understands all of them everywhere). */
export const EVENT_ALERT_KIND_PLACEHOLDERS: Record<EventAlertKind, readonly EventAlertPlaceholder[]> = {
  follow: ['user'],
  subscription: ['user', 'tier', 'months', 'message'],
  gift: ['user', 'count', 'tier'],
  cheer: ['user', 'amount', 'message'],
  raid: ['user', 'viewers'],
  donation: ['user', 'amount', 'currency', 'message'],
};

/** Wording for the fields the page checks itself before the contract's schema runs. */
export interface AlertFormWords {
  notANumber: string;
  durationRange: string;
}

/**
 * The PUT body for a card, or its fields at fault keyed by contract field (`durationMs`,
 * `minAmount`, …), checked with the contract's own schema.
 */
export function eventAlertRequest(
  kind: EventAlertKind,
  draft: EventAlertDraft,
  words: AlertFormWords,
): Checked<UpdateEventAlertSettingsRequest> {
  const extra: FieldErrors = {};
  const seconds = parseNumber(draft.durationSeconds);
  const durationMs = seconds === null ? NaN : Math.round(seconds * 1000);
  if (seconds === null) extra['durationMs'] = words.notANumber;
  else if (durationMs < ALERT_MIN_DURATION_MS || durationMs > ALERT_MAX_DURATION_MS)
    extra['durationMs'] = words.durationRange;
  const amount = usesMinAmount(kind) ? parseNumber(draft.minAmount) : 0;
  if (amount === null) extra['minAmount'] = words.notANumber;

  const request: UpdateEventAlertSettingsRequest = {
    enabled: draft.enabled,
    chatTemplate: draft.chatTemplate.trim(),
    alertTemplate: draft.alertTemplate.trim(),
    mediaId: draft.mediaId || null,
    soundMediaId: draft.soundMediaId || null,
    durationMs: Number.isFinite(durationMs) ? durationMs : ALERT_MIN_DURATION_MS,
    minAmount: amount ?? 0,
  };
  return checkWith(UpdateEventAlertSettingsRequestSchema, request, extra);
}

/** The template filled with sample values, exactly as the server renders a test alert. */
export function previewEventAlert(kind: EventAlertKind, template: string): string {
  return renderEventAlertTemplate(template, sampleEventAlertValues(kind));
}
