import type { MediaDto } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { FormError } from '@/shared/ui/form-error';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { type FieldErrors, serverFieldErrors } from '../model/alerts-validation';
import { previewRevolutionMessage, type RevolutionDraft, revolutionRequest } from '../model/revolutions-form';
import { CheckboxField } from './alerts-fields';
import { MediaPicker } from './media-picker';
import type { CreateRevolutionBotRequest } from '@podium/contracts';

const FIELDS = [
  'name',
  'trigger',
  'threshold',
  'windowSeconds',
  'cooldownSeconds',
  'message',
  'mediaId',
  'soundMediaId',
  'alertDurationMs',
  'enabled',
  'showOnOverlay',
];

export interface RevolutionFormProps {
  initial: RevolutionDraft;
  media: readonly MediaDto[] | undefined;
  pending: boolean;
  /** The save's failure: its 400 lands next to the fields. */
  error: unknown;
  submitLabel: string;
  onSubmit: (request: Required<CreateRevolutionBotRequest>) => void;
  onCancel: () => void;
}

/** Create or edit a revolution bot; checks with the contract's schema before sending. */
export function RevolutionForm({
  initial,
  media,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: RevolutionFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors = { ...serverFieldErrors(error), ...localErrors };
  const edit = (patch: Partial<RevolutionDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const checked = revolutionRequest(draft, {
      notANumber: t('botAlerts.errors.notANumber'),
      durationRange: t('botAlerts.errors.durationRange'),
    });
    if (!checked.ok) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors({});
    onSubmit(checked.request);
  };

  const number = (
    field: keyof RevolutionDraft,
    name: string,
    label: string,
    hint?: string,
    min?: number,
    max?: number,
  ) => (
    <TextField
      label={label}
      name={name}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      hint={hint}
      value={String(draft[field])}
      error={errors[name]}
      onChange={(event) => edit({ [field]: event.currentTarget.value })}
    />
  );

  return (
    <form className="form" onSubmit={submit} data-testid="revolution-form">
      <FormError error={error} fields={FIELDS} />
      <div className="bot-grid">
        <TextField
          label={t('botAlerts.revolutions.name')}
          name="name"
          required
          maxLength={80}
          value={draft.name}
          error={errors['name']}
          onChange={(event) => edit({ name: event.currentTarget.value })}
        />
        <TextField
          label={t('botAlerts.revolutions.trigger')}
          name="trigger"
          required
          maxLength={50}
          hint={t('botAlerts.revolutions.triggerHint')}
          value={draft.trigger}
          error={errors['trigger']}
          onChange={(event) => edit({ trigger: event.currentTarget.value })}
        />
        {number(
          'threshold',
          'threshold',
          t('botAlerts.revolutions.threshold'),
          t('botAlerts.revolutions.thresholdHint'),
          2,
          10000,
        )}
        {number(
          'windowSeconds',
          'windowSeconds',
          t('botAlerts.revolutions.window'),
          t('botAlerts.revolutions.windowHint'),
          5,
          3600,
        )}
        {number(
          'cooldownSeconds',
          'cooldownSeconds',
          t('botAlerts.revolutions.cooldown'),
          undefined,
          0,
          86400,
        )}
        {number(
          'alertDurationSeconds',
          'alertDurationMs',
          t('botAlerts.revolutions.alertDuration'),
          undefined,
          1,
          60,
        )}
      </div>
      <TextAreaField
        label={t('botAlerts.revolutions.message')}
        name="message"
        rows={2}
        maxLength={500}
        required
        hint={t('botAlerts.revolutions.messageHint')}
        value={draft.message}
        error={errors['message']}
        onChange={(event) => edit({ message: event.currentTarget.value })}
      />
      <dl className="bot-preview" data-testid="revolution-preview">
        <dt>{t('botAlerts.revolutions.preview')}</dt>
        <dd>{previewRevolutionMessage(draft)}</dd>
      </dl>
      <div className="bot-grid">
        <MediaPicker
          label={t('botAlerts.media.animation')}
          slot="visual"
          media={media}
          value={draft.mediaId}
          error={errors['mediaId']}
          onChange={(mediaId) => edit({ mediaId })}
        />
        <MediaPicker
          label={t('botAlerts.media.sound')}
          slot="sound"
          media={media}
          value={draft.soundMediaId}
          error={errors['soundMediaId']}
          onChange={(soundMediaId) => edit({ soundMediaId })}
        />
      </div>
      <CheckboxField
        label={t('botAlerts.revolutions.enabled')}
        checked={draft.enabled}
        onChange={(enabled) => edit({ enabled })}
      />
      <CheckboxField
        label={t('botAlerts.revolutions.showOnOverlay')}
        hint={t('botAlerts.revolutions.showOnOverlayHint')}
        checked={draft.showOnOverlay}
        onChange={(showOnOverlay) => edit({ showOnOverlay })}
      />
      <div className="form__actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" pending={pending} data-testid="revolution-submit">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
