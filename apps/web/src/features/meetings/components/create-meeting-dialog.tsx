import { MEETING_KINDS, type MeetingDto, type MeetingKind } from '@podium/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { useCreateMeeting } from '../api/meetings.api';

const FIELDS = ['title', 'description', 'kind'] as const;

const isKind = (value: string): value is MeetingKind => (MEETING_KINDS as readonly string[]).includes(value);

export interface CreateMeetingDialogProps {
  workspaceId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (meeting: MeetingDto) => void;
}

export function CreateMeetingDialog({ workspaceId, open, onClose, onCreated }: CreateMeetingDialogProps) {
  const { t } = useTranslation();
  const create = useCreateMeeting(workspaceId);
  const errors = useFieldErrors(create.error, FIELDS);

  const close = () => {
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const values = formValues(event.currentTarget, FIELDS);
    create.mutate(
      {
        title: values.title,
        description: values.description,
        kind: isKind(values.kind) ? values.kind : 'in_room',
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('meetings.createTitle')}
      description={t('meetings.createDescription')}
      closeLabel={t('common.close')}
      data-testid="new-meeting-dialog"
    >
      <form className="form" onSubmit={submit} data-testid="create-meeting-form">
        <FormError error={create.error} fields={FIELDS} />
        <TextField
          label={t('meetings.fields.title')}
          name="title"
          required
          maxLength={120}
          autoFocus
          error={errors['title']}
          data-testid="meeting-title-input"
        />
        <TextAreaField
          label={t('meetings.fields.description')}
          name="description"
          maxLength={2000}
          hint={t('meetings.fields.descriptionHint')}
          error={errors['description']}
        />
        <SelectField
          label={t('meetings.fields.kind')}
          name="kind"
          defaultValue="in_room"
          error={errors['kind']}
        >
          {MEETING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`meetings.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <Button variant="ghost" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            pending={create.isPending}
            data-testid="create-meeting-submit"
          >
            {create.isPending ? t('common.creating') : t('meetings.createSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
