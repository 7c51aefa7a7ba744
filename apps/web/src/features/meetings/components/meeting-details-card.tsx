import { MEETING_KINDS, type MeetingDto, type MeetingKind } from '@podium/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { useMeetingAction, useUpdateMeeting } from '../api/meetings.api';

const FIELDS = ['title', 'description', 'kind'] as const;

const isKind = (value: string): value is MeetingKind => (MEETING_KINDS as readonly string[]).includes(value);

export interface MeetingDetailsCardProps {
  workspaceId: string;
  meeting: MeetingDto;
  readOnly: boolean;
}

/** Title, description and kind, plus the join code attendees type (and a way to change it). */
export function MeetingDetailsCard({ workspaceId, meeting, readOnly }: MeetingDetailsCardProps) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(workspaceId, meeting.id);
  const regenerate = useMeetingAction(workspaceId, 'join-code');
  const errors = useFieldErrors(update.error, FIELDS);
  const [confirming, setConfirming] = useState(false);
  const codeLabelId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending || readOnly) return;
    const values = formValues(event.currentTarget, FIELDS);
    update.mutate({
      title: values.title,
      description: values.description,
      ...(isKind(values.kind) ? { kind: values.kind } : {}),
    });
  };

  return (
    <Card title={t('meetings.detailsTitle')} className="meeting-details">
      <div className="meeting-details__layout">
        {/* Keyed by meeting: the inputs start from the saved values and keep what is typed. */}
        <form key={meeting.id} className="form" onSubmit={submit} data-testid="meeting-details-form">
          <FormError error={update.error} fields={FIELDS} />
          {update.isSuccess ? <Alert tone="success">{t('meetings.saved')}</Alert> : null}
          <fieldset className="question-form__fields" disabled={readOnly}>
            <legend className="sr-only">{t('meetings.detailsTitle')}</legend>
            <TextField
              label={t('meetings.fields.title')}
              name="title"
              required
              maxLength={120}
              defaultValue={meeting.title}
              error={errors['title']}
              onInput={() => update.isSuccess && update.reset()}
              data-testid="meeting-title-input"
            />
            <TextAreaField
              label={t('meetings.fields.description')}
              name="description"
              maxLength={2000}
              defaultValue={meeting.description}
              hint={t('meetings.fields.descriptionHint')}
              error={errors['description']}
              data-testid="meeting-description-input"
            />
            <SelectField
              label={t('meetings.fields.kind')}
              name="kind"
              defaultValue={meeting.kind}
              error={errors['kind']}
              data-testid="meeting-kind-select"
            >
              {MEETING_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`meetings.kinds.${kind}`)}
                </option>
              ))}
            </SelectField>
          </fieldset>
          {readOnly ? null : (
            <div className="form__actions">
              <Button type="submit" variant="primary" pending={update.isPending} data-testid="save-meeting">
                {update.isPending ? t('common.saving') : t('common.save')}
              </Button>
            </div>
          )}
        </form>

        <div className="join-code-panel" role="group" aria-labelledby={codeLabelId}>
          <p className="field__label" id={codeLabelId}>
            {t('meetings.joinCode')}
          </p>
          <p className="join-code" data-testid="join-code">
            {meeting.joinCode}
          </p>
          <p className="field__hint">{t('meetings.joinCodeHint')}</p>
          {readOnly ? null : (
            <div>
              <Button
                size="sm"
                onClick={() => setConfirming(true)}
                aria-haspopup="dialog"
                data-testid="regenerate-join-code"
              >
                {t('meetings.regenerate')}
              </Button>
            </div>
          )}
        </div>
      </div>

      <ConfirmMutationDialog
        target={confirming ? meeting : null}
        mutation={regenerate}
        title={t('meetings.regenerateTitle')}
        description={t('meetings.regenerateBody')}
        confirmLabel={t('meetings.regenerate')}
        tone="primary"
        onClose={() => setConfirming(false)}
        data-testid="regenerate-dialog"
      />
    </Card>
  );
}
