import type { MeDto } from '@podium/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { PasswordField, TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { useLogin } from '../api/auth.api';

const FIELDS = ['email', 'password'] as const;

export function LoginForm({ onSignedIn }: { onSignedIn: (me: MeDto) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const errors = useFieldErrors(login.error, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    login.mutate(formValues(event.currentTarget, FIELDS), { onSuccess: onSignedIn });
  };

  return (
    <form className="form" onSubmit={submit} data-testid="login-form">
      <FormError error={login.error} fields={FIELDS} />
      <TextField
        label={t('login.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        error={errors['email']}
      />
      <PasswordField
        label={t('login.password')}
        name="password"
        autoComplete="current-password"
        required
        error={errors['password']}
        showLabel={t('common.showPassword')}
        hideLabel={t('common.hidePassword')}
      />
      <Button type="submit" variant="primary" pending={login.isPending} className="btn--block">
        {login.isPending ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
