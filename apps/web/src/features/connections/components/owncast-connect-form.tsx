import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { PasswordField, TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { formValues } from '@/shared/ui/form-values';
import { useConnectOwncast } from '../api/connections.api';
import { OWNCAST_FIELDS as FIELDS, owncastRequest } from '../model/owncast-request';

/** Owners: connect an Owncast server with its URL and an integrations access token. */
export function OwncastConnectForm({ workspaceId, update }: { workspaceId: string; update: boolean }) {
  const { t } = useTranslation();
  const connect = useConnectOwncast(workspaceId);
  const errors = useFieldErrors(connect.error, FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (connect.isPending) return;
    const form = event.currentTarget;
    connect.mutate(owncastRequest(formValues(form, FIELDS)), { onSuccess: () => form.reset() });
  };

  return (
    <form className="form" onSubmit={submit} data-testid="owncast-form">
      <FormError error={connect.error} fields={FIELDS} />
      <TextField
        label={t('connections.owncast.instanceUrl')}
        name="instanceUrl"
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder="https://"
        required
        maxLength={300}
        hint={t('connections.owncast.instanceUrlHint')}
        error={errors['instanceUrl']}
      />
      <PasswordField
        label={t('connections.owncast.accessToken')}
        name="accessToken"
        autoComplete="off"
        required
        maxLength={500}
        hint={t('connections.owncast.accessTokenHint')}
        error={errors['accessToken']}
        showLabel={t('common.showPassword')}
        hideLabel={t('common.hidePassword')}
      />
      <PasswordField
        label={t('connections.owncast.webhookSecret')}
        name="webhookSecret"
        autoComplete="off"
        maxLength={500}
        hint={t('connections.owncast.webhookSecretHint')}
        error={errors['webhookSecret']}
        showLabel={t('common.showPassword')}
        hideLabel={t('common.hidePassword')}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={connect.isPending} data-testid="owncast-submit">
          {connect.isPending
            ? t('connections.owncast.submitting')
            : update
              ? t('connections.owncast.update')
              : t('connections.owncast.submit')}
        </Button>
      </div>
    </form>
  );
}
