import { useTranslation } from 'react-i18next';
import { PasswordField, TextField } from './field';

/** The contract field names of a new organizer account (setup and invite sign-up). */
export const ACCOUNT_FIELDS = ['displayName', 'email', 'password'] as const;

export interface AccountFieldsProps {
  displayNameLabel: string;
  displayNameHint?: string;
  emailLabel: string;
  passwordLabel: string;
  passwordHint: string;
  /** Field-level messages by field name (from `useFieldErrors`). */
  errors: Record<string, string | undefined>;
}

/** Display name, e-mail and a new password: the inputs that create an organizer account. */
export function AccountFields({
  displayNameLabel,
  displayNameHint,
  emailLabel,
  passwordLabel,
  passwordHint,
  errors,
}: AccountFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={displayNameLabel}
        name="displayName"
        autoComplete="name"
        required
        maxLength={80}
        hint={displayNameHint}
        error={errors['displayName']}
      />
      <TextField
        label={emailLabel}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        error={errors['email']}
      />
      <PasswordField
        label={passwordLabel}
        name="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={256}
        hint={passwordHint}
        error={errors['password']}
        showLabel={t('common.showPassword')}
        hideLabel={t('common.hidePassword')}
      />
    </>
  );
}
