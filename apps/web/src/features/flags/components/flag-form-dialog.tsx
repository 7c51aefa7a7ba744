import type { FlagDto } from '@podium/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { useCreateFlag, useUpdateFlag } from '../api/flags.api';

const FIELDS = ['name', 'code', 'points', 'meetingId'] as const;

export interface MeetingOption {
  id: string;
  title: string;
}

export interface FlagFormDialogProps {
  workspaceId: string;
  /** The flag to edit, or null to create one. */
  flag: FlagDto | null;
  open: boolean;
  meetings: readonly MeetingOption[];
  onClose: () => void;
}

/** Create or edit a flag: its name, the code people find, its points and where it counts. */
export function FlagFormDialog({ workspaceId, flag, open, meetings, onClose }: FlagFormDialogProps) {
  const { t } = useTranslation();
  const create = useCreateFlag(workspaceId);
  const update = useUpdateFlag(workspaceId);
  const mutation = flag ? update : create;
  const errors = useFieldErrors(mutation.error, FIELDS);

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const values = formValues(event.currentTarget, FIELDS);
    const request = {
      name: values.name,
      code: values.code,
      // An empty box becomes NaN so the server names the field instead of storing 0.
      points: values.points.trim() === '' ? Number.NaN : Number(values.points),
      meetingId: values.meetingId === '' ? null : values.meetingId,
    };
    if (flag) update.mutate({ flagId: flag.id, request }, { onSuccess: close });
    else create.mutate(request, { onSuccess: close });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={flag ? t('flags.editTitle', { name: flag.name }) : t('flags.createTitle')}
      description={t('flags.formDescription')}
      closeLabel={t('common.close')}
      data-testid="flag-dialog"
    >
      {/* Keyed by flag: each opening starts from that flag's saved values. */}
      <form key={flag?.id ?? 'new'} className="form" onSubmit={submit} data-testid="flag-form">
        <FormError error={mutation.error} fields={FIELDS} />
        <TextField
          label={t('flags.fields.name')}
          name="name"
          required
          maxLength={80}
          autoFocus
          defaultValue={flag?.name ?? ''}
          error={errors['name']}
          data-testid="flag-name-input"
        />
        <TextField
          label={t('flags.fields.code')}
          name="code"
          required
          minLength={3}
          maxLength={40}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          className="input--mono"
          hint={t('flags.fields.codeHint')}
          defaultValue={flag?.code ?? ''}
          error={errors['code']}
          data-testid="flag-code-input"
        />
        <TextField
          label={t('flags.fields.points')}
          name="points"
          type="number"
          inputMode="numeric"
          required
          min={1}
          max={1_000_000}
          step={1}
          defaultValue={flag?.points ?? 100}
          error={errors['points']}
          data-testid="flag-points-input"
        />
        <SelectField
          label={t('flags.fields.meeting')}
          name="meetingId"
          defaultValue={flag?.meetingId ?? ''}
          hint={t('flags.fields.meetingHint')}
          error={errors['meetingId']}
          data-testid="flag-meeting-select"
        >
          <option value="">{t('flags.allMeetings')}</option>
          {meetings.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {meeting.title}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <Button variant="ghost" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" pending={mutation.isPending} data-testid="save-flag">
            {mutation.isPending ? t('common.saving') : flag ? t('common.save') : t('flags.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
