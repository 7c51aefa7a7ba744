import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { useRenameWorkspace } from '../api/workspaces.api';

const FIELDS = ['name'] as const;

export function RenameWorkspaceForm({
  workspaceId,
  currentName,
}: {
  workspaceId: string;
  currentName: string;
}) {
  const { t } = useTranslation();
  const rename = useRenameWorkspace(workspaceId);
  const errors = useFieldErrors(rename.error, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rename.isPending) return;
    rename.mutate(formValues(event.currentTarget, FIELDS));
  };

  return (
    <form className="form form--inline" onSubmit={submit} data-testid="rename-workspace-form">
      <FormError error={rename.error} fields={FIELDS} />
      {rename.isSuccess ? <Alert tone="success">{t('settings.saved')}</Alert> : null}
      <TextField
        key={currentName}
        label={t('settings.name')}
        name="name"
        defaultValue={currentName}
        required
        maxLength={80}
        error={errors['name']}
        onChange={() => {
          if (rename.isSuccess || rename.isError) rename.reset();
        }}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={rename.isPending}>
          {rename.isPending ? t('common.saving') : t('settings.submit')}
        </Button>
      </div>
    </form>
  );
}
