import { type EventAlertKind, type EventAlertSettingsDto, type MediaDto } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { TextField } from '@/shared/ui/field';
import { FormError, useErrorText } from '@/shared/ui/form-error';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { useEventAlert, useSaveEventAlert, useSendTestAlert } from '../api/alerts.api';
import {
  EVENT_ALERT_KIND_PLACEHOLDERS,
  type EventAlertDraft,
  eventAlertDraft,
  eventAlertRequest,
  previewEventAlert,
  usesMinAmount,
} from '../model/alerts-form';
import { type FieldErrors, serverFieldErrors } from '../model/alerts-validation';
import { CheckboxField } from './alerts-fields';
import { BotQueryStatus } from './bot-list-parts';
import { MediaPicker } from './media-picker';

const FIELDS = [
  'enabled',
  'chatTemplate',
  'alertTemplate',
  'mediaId',
  'soundMediaId',
  'durationMs',
  'minAmount',
];

export interface AlertsCardProps {
  workspaceId: string;
  kind: EventAlertKind;
  media: readonly MediaDto[] | undefined;
  canEdit: boolean;
}

/** One event kind: loads its settings, then edits them in a form of its own. */
export function AlertsCard({ workspaceId, kind, media, canEdit }: AlertsCardProps) {
  const { t } = useTranslation();
  const settings = useEventAlert(workspaceId, kind);
  return (
    <Card title={t(`botAlerts.alerts.kinds.${kind}`)} level={3} data-testid={`alert-card-${kind}`}>
      <BotQueryStatus query={settings} />
      {settings.data ? (
        <AlertsCardForm
          // Started once from the loaded settings, then from each save's answer: a background refetch
          // never overwrites what is being typed.
          workspaceId={workspaceId}
          kind={kind}
          settings={settings.data}
          media={media}
          canEdit={canEdit}
        />
      ) : null}
    </Card>
  );
}

function AlertsCardForm({
  workspaceId,
  kind,
  settings,
  media,
  canEdit,
}: AlertsCardProps & { settings: EventAlertSettingsDto }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSaveEventAlert(workspaceId, kind);
  const test = useSendTestAlert(workspaceId);
  const [draft, setDraft] = useState<EventAlertDraft>(() => eventAlertDraft(settings));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const errors = { ...serverFieldErrors(save.error), ...localErrors };
  const edit = (patch: Partial<EventAlertDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSaved(false);
  };
  const readOnly = !canEdit;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending || readOnly) return;
    const checked = eventAlertRequest(kind, draft, {
      notANumber: t('botAlerts.errors.notANumber'),
      durationRange: t('botAlerts.errors.durationRange'),
    });
    if (!checked.ok) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors({});
    save.mutate(checked.request, {
      onSuccess: (stored) => {
        setDraft(eventAlertDraft(stored));
        setSaved(true);
      },
    });
  };

  const placeholders = EVENT_ALERT_KIND_PLACEHOLDERS[kind].map((name) => `{${name}}`).join(' ');

  return (
    <form className="form alert-card" onSubmit={submit} data-testid={`alert-form-${kind}`}>
      <div className="alert-card__head">
        <CheckboxField
          label={t('botAlerts.alerts.enabled')}
          checked={draft.enabled}
          disabled={readOnly}
          onChange={(enabled) => edit({ enabled })}
          testId={`alert-enabled-${kind}`}
        />
        {settings.customized ? null : <Badge tone="muted">{t('botAlerts.alerts.defaults')}</Badge>}
      </div>
      <FormError error={save.error} fields={FIELDS} />
      <TextAreaField
        label={t('botAlerts.alerts.chatTemplate')}
        name="chatTemplate"
        rows={2}
        value={draft.chatTemplate}
        readOnly={readOnly}
        maxLength={500}
        hint={t('botAlerts.alerts.chatTemplateHint', { placeholders })}
        error={errors['chatTemplate']}
        onChange={(event) => edit({ chatTemplate: event.currentTarget.value })}
      />
      <TextAreaField
        label={t('botAlerts.alerts.alertTemplate')}
        name="alertTemplate"
        rows={2}
        value={draft.alertTemplate}
        readOnly={readOnly}
        maxLength={500}
        hint={t('botAlerts.alerts.alertTemplateHint')}
        error={errors['alertTemplate']}
        onChange={(event) => edit({ alertTemplate: event.currentTarget.value })}
      />
      <dl className="bot-preview" data-testid={`alert-preview-${kind}`}>
        <dt>{t('botAlerts.alerts.previewChat')}</dt>
        <dd>{previewEventAlert(kind, draft.chatTemplate) || t('botAlerts.alerts.silent')}</dd>
        <dt>{t('botAlerts.alerts.previewAlert')}</dt>
        <dd>{previewEventAlert(kind, draft.alertTemplate) || t('botAlerts.alerts.noAlert')}</dd>
      </dl>
      <div className="bot-grid">
        <MediaPicker
          label={t('botAlerts.media.visual')}
          slot="visual"
          media={media}
          value={draft.mediaId}
          disabled={readOnly}
          error={errors['mediaId']}
          onChange={(mediaId) => edit({ mediaId })}
        />
        <MediaPicker
          label={t('botAlerts.media.sound')}
          slot="sound"
          media={media}
          value={draft.soundMediaId}
          disabled={readOnly}
          error={errors['soundMediaId']}
          onChange={(soundMediaId) => edit({ soundMediaId })}
        />
        <TextField
          label={t('botAlerts.alerts.duration')}
          name="durationSeconds"
          type="number"
          inputMode="decimal"
          min={1}
          max={60}
          step="any"
          value={draft.durationSeconds}
          readOnly={readOnly}
          error={errors['durationMs']}
          onChange={(event) => edit({ durationSeconds: event.currentTarget.value })}
        />
        {usesMinAmount(kind) ? (
          <TextField
            label={t('botAlerts.alerts.minAmount')}
            name="minAmount"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={draft.minAmount}
            readOnly={readOnly}
            hint={t(`botAlerts.alerts.minAmountHints.${kind}`)}
            error={errors['minAmount']}
            onChange={(event) => edit({ minAmount: event.currentTarget.value })}
          />
        ) : null}
      </div>
      {test.isError ? <Alert tone="error">{errorText(test.error)}</Alert> : null}
      {test.isSuccess ? <Alert tone="success">{t('botAlerts.alerts.testSent')}</Alert> : null}
      {saved ? <Alert tone="success">{t('botAlerts.common.saved')}</Alert> : null}
      {canEdit ? (
        <div className="form__actions">
          <Button
            variant="secondary"
            pending={test.isPending}
            onClick={() => test.mutate({ kind })}
            data-testid={`alert-test-${kind}`}
          >
            {t('botAlerts.alerts.test')}
          </Button>
          <Button type="submit" variant="primary" pending={save.isPending} data-testid={`alert-save-${kind}`}>
            {t('botAlerts.common.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
