import {
  CreateRevolutionBotRequestSchema,
  REVOLUTION_MAX_ALERT_DURATION_MS,
  REVOLUTION_MIN_ALERT_DURATION_MS,
  type CreateRevolutionBotRequest,
  type RevolutionBotDto,
} from '@podium/contracts';
import { type Checked, checkWith, type FieldErrors, parseNumber } from './alerts-validation';

/** The create/edit form's state: numbers stay the strings the inputs hold until checked. */
export interface RevolutionDraft {
  name: string;
  trigger: string;
  threshold: string;
  windowSeconds: string;
  cooldownSeconds: string;
  message: string;
  /** '' = none. */
  mediaId: string;
  soundMediaId: string;
  /** Seconds, as typed (the contract speaks milliseconds). */
  alertDurationSeconds: string;
  enabled: boolean;
  showOnOverlay: boolean;
}

/** A new bot with the contract's defaults. */
export function newRevolutionDraft(): RevolutionDraft {
  return {
    name: '',
    trigger: '!revolution',
    threshold: '10',
    windowSeconds: '60',
    cooldownSeconds: '300',
    message: 'Viva la revolución! {count} viewers rose up!',
    mediaId: '',
    soundMediaId: '',
    alertDurationSeconds: '8',
    enabled: true,
    showOnOverlay: true,
  };
}

export function revolutionDraft(bot: RevolutionBotDto): RevolutionDraft {
  return {
    name: bot.name,
    trigger: bot.trigger,
    threshold: String(bot.threshold),
    windowSeconds: String(bot.windowSeconds),
    cooldownSeconds: String(bot.cooldownSeconds),
    message: bot.message,
    mediaId: bot.mediaId ?? '',
    soundMediaId: bot.soundMediaId ?? '',
    alertDurationSeconds: String(bot.alertDurationMs / 1000),
    enabled: bot.enabled,
    showOnOverlay: bot.showOnOverlay,
  };
}

export interface RevolutionFormWords {
  notANumber: string;
  durationRange: string;
}

/**
 * The full request for a create (POST) or an edit (PATCH with every field), or the fields at
 * fault keyed by contract field, checked with the contract's schema.
 */
export function revolutionRequest(
  draft: RevolutionDraft,
  words: RevolutionFormWords,
): Checked<Required<CreateRevolutionBotRequest>> {
  const extra: FieldErrors = {};
  const number = (field: string, text: string): number => {
    const value = parseNumber(text);
    if (value === null) {
      extra[field] = words.notANumber;
      return 0;
    }
    return value;
  };
  const threshold = number('threshold', draft.threshold);
  const windowSeconds = number('windowSeconds', draft.windowSeconds);
  const cooldownSeconds = number('cooldownSeconds', draft.cooldownSeconds);
  const alertDurationMs = Math.round(number('alertDurationMs', draft.alertDurationSeconds) * 1000);
  if (
    !('alertDurationMs' in extra) &&
    (alertDurationMs < REVOLUTION_MIN_ALERT_DURATION_MS || alertDurationMs > REVOLUTION_MAX_ALERT_DURATION_MS)
  ) {
    extra['alertDurationMs'] = words.durationRange;
  }
  const request: Required<CreateRevolutionBotRequest> = {
    name: draft.name.trim(),
    trigger: draft.trigger.trim(),
    threshold,
    windowSeconds,
    cooldownSeconds,
    message: draft.message.trim(),
    mediaId: draft.mediaId || null,
    soundMediaId: draft.soundMediaId || null,
    alertDurationMs,
    enabled: draft.enabled,
    showOnOverlay: draft.showOnOverlay,
  };
  return checkWith(CreateRevolutionBotRequestSchema, request, extra);
}

/** The chat message as posted at the fire, with `{count}` at the threshold. */
export function previewRevolutionMessage(draft: Pick<RevolutionDraft, 'message' | 'threshold'>): string {
  const count = parseNumber(draft.threshold);
  return draft.message.replace(/\{count\}/g, count === null ? '{count}' : String(count));
}
