import type { MeDto } from '@podium/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_FIELDS, AccountFields } from '@/shared/ui/account-fields';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { useSetup } from '../api/setup.api';

const FIELDS = [...ACCOUNT_FIELDS, 'workspaceName'] as const;

export function SetupForm({ onDone }: { onDone: (me: MeDto) => void }) {
  const { t } = useTranslation();
  const setup = useSetup();
  const errors = useFieldErrors(setup.error, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (setup.isPending) return;
    setup.mutate(formValues(event.currentTarget, FIELDS), { onSuccess: onDone });
  };

  return (
    <form className="form" onSubmit={submit} data-testid="setup-form">
      <p className="lead">{t('setup.intro')}</p>
      <Alert tone="info">{t('setup.noDefaultPassword')}</Alert>
      <FormError error={setup.error} fields={FIELDS} />
      <AccountFields
        displayNameLabel={t('setup.displayName')}
        displayNameHint={t('setup.displayNameHint')}
        emailLabel={t('setup.email')}
        passwordLabel={t('setup.password')}
        passwordHint={t('setup.passwordHint')}
        errors={errors}
      />
      <TextField
        label={t('setup.workspaceName')}
        name="workspaceName"
        required
        maxLength={80}
        hint={t('setup.workspaceNameHint')}
        error={errors['workspaceName']}
      />
      <Button type="submit" variant="primary" pending={setup.isPending} className="btn--block">
        {setup.isPending ? t('setup.submitting') : t('setup.submit')}
      </Button>
    </form>
  );
}
