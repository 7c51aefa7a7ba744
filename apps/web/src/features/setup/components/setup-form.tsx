import type { MeDto } from '@podium/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { PasswordField, TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { useSetup } from '../api/setup.api';

const FIELDS = ['displayName', 'email', 'password', 'workspaceName'] as const;

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
      <TextField
        label={t('setup.displayName')}
        name="displayName"
        autoComplete="name"
        required
        maxLength={80}
        hint={t('setup.displayNameHint')}
        error={errors['displayName']}
      />
      <TextField
        label={t('setup.email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={errors['email']}
      />
      <PasswordField
        label={t('setup.password')}
        name="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={256}
        hint={t('setup.passwordHint')}
        error={errors['password']}
        showLabel={t('common.showPassword')}
        hideLabel={t('common.hidePassword')}
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
