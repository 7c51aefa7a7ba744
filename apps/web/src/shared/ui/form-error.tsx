import { useTranslation } from 'react-i18next';
import { CLIENT_ERROR_CODES, isApiError } from '../api/api-error';
import { Alert } from './alert';

/** A sentence for the reader: ours for the codes we know, the server's message otherwise. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (!isApiError(error)) return t('errors.generic');
    switch (error.code) {
      case CLIENT_ERROR_CODES.network:
        return t('errors.network');
      case 'auth.invalid_credentials':
        return t('errors.invalidCredentials');
      case 'auth.too_many_attempts':
        return error.retryAfterSeconds
          ? t('errors.tooManyAttempts', { seconds: error.retryAfterSeconds })
          : t('errors.tooManyAttemptsLater');
      case 'auth.email_taken':
        return t('errors.emailTaken');
      case 'workspace.last_owner':
        return t('errors.lastOwner');
      case 'workspace.forbidden':
        return t('errors.forbidden');
      default:
        return error.message || t('errors.generic');
    }
  };
}

/**
 * Field-level messages for the inputs a form has (by contract field name). A conflict on a field
 * (e-mail taken) gets our own wording; validation messages come from the server.
 */
export function useFieldErrors(
  error: unknown,
  fields: readonly string[],
): Record<string, string | undefined> {
  const errorText = useErrorText();
  if (!isApiError(error)) return {};
  const all = error.fieldErrors();
  const result: Record<string, string | undefined> = {};
  for (const field of fields) {
    const message = all[field];
    if (message === undefined) continue;
    result[field] = field === error.field && error.code !== 'validation.failed' ? errorText(error) : message;
  }
  return result;
}

/** The form-level message: shown unless every problem is already shown next to its field. */
export function FormError({ error, fields }: { error: unknown; fields: readonly string[] }) {
  const errorText = useErrorText();
  if (!error) return null;
  if (isApiError(error)) {
    const atFault = Object.keys(error.fieldErrors());
    if (atFault.length > 0 && atFault.every((field) => fields.includes(field))) return null;
  }
  return <Alert tone="error">{errorText(error)}</Alert>;
}
