import type { WorkspaceDto } from '@podium/contracts';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { useCreateWorkspace } from '../api/workspaces.api';

const FIELDS = ['name'] as const;

export interface CreateWorkspaceFormProps {
  onCreated: (workspace: WorkspaceDto) => void;
  /** Extra buttons beside submit (e.g. Cancel in a dialog). */
  secondaryAction?: ReactNode;
}

export function CreateWorkspaceForm({ onCreated, secondaryAction }: CreateWorkspaceFormProps) {
  const { t } = useTranslation();
  const create = useCreateWorkspace();
  const errors = useFieldErrors(create.error, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate(formValues(event.currentTarget, FIELDS), { onSuccess: onCreated });
  };

  return (
    <form className="form" onSubmit={submit} data-testid="create-workspace-form">
      <FormError error={create.error} fields={FIELDS} />
      <TextField
        label={t('workspaces.name')}
        name="name"
        required
        maxLength={80}
        autoFocus
        error={errors['name']}
      />
      <div className="form__actions">
        {secondaryAction}
        <Button type="submit" variant="primary" pending={create.isPending}>
          {create.isPending ? t('workspaces.submitting') : t('workspaces.submit')}
        </Button>
      </div>
    </form>
  );
}
