import type { ApiScope, CreatedApiTokenDto } from '@podium/contracts';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { Checkbox } from '@/shared/ui/checkbox';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { useCreateApiToken } from '../api/api-tokens.api';
import {
  type ApiTokenFormValues,
  emptyApiTokenForm,
  EXPIRY_CHOICES,
  type ExpiryChoice,
  scopeGroups,
  toCreateRequest,
  toggleScope,
} from '../model/api-token-form';

const FIELDS = ['name', 'scopes', 'expiresAt'] as const;

/** The scope's meaning (keys are nested by area: i18next reads `:` as a namespace separator). */
function scopeMeaning(t: TFunction, scope: ApiScope): string {
  const [area, action] = scope.split(':') as [string, string];
  return t(`apiTokens.scopes.${area}.${action}` as 'apiTokens.scopes.points.read');
}

/** Owners: name, scopes and expiry of a new token; the secret comes back once. */
export function ApiTokenCreateCard({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (created: CreatedApiTokenDto) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ApiTokenFormValues>(emptyApiTokenForm);
  const [dateMissing, setDateMissing] = useState(false);
  const create = useCreateApiToken(workspaceId);
  const errors = useFieldErrors(create.error, FIELDS);
  const scopesError = errors['scopes'];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    if (values.expiry === 'custom' && !values.customDate) {
      setDateMissing(true);
      return;
    }
    setDateMissing(false);
    create.mutate(toCreateRequest(values), {
      onSuccess: (created) => {
        setValues(emptyApiTokenForm());
        onCreated(created);
      },
    });
  };

  return (
    <Card title={t('apiTokens.create.title')} data-testid="api-token-create">
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          name="name"
          label={t('apiTokens.create.name')}
          hint={t('apiTokens.create.nameHint')}
          value={values.name}
          error={errors['name']}
          required
          maxLength={80}
          onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          data-testid="api-token-name"
        />
        <fieldset className="api-tokens__scopes" data-testid="api-token-scopes">
          <legend>{t('apiTokens.create.scopes')}</legend>
          {scopeGroups().flatMap((group) =>
            group.scopes.map((scope) => (
              <Checkbox
                key={scope}
                label={
                  <>
                    <span className="api-tokens__scope-code">{scope}</span>
                    <span className="muted"> · {scopeMeaning(t, scope)}</span>
                  </>
                }
                checked={values.scopes.has(scope)}
                onChange={(on) => setValues(toggleScope(values, scope, on))}
                data-testid={`api-token-scope-${scope}`}
              />
            )),
          )}
          <p className="field__hint">{t('apiTokens.create.scopesHint')}</p>
          {scopesError ? (
            <p className="field__error" role="alert">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <SelectField
          name="expiry"
          label={t('apiTokens.create.expiry')}
          value={values.expiry}
          error={errors['expiresAt']}
          onChange={(e) => setValues({ ...values, expiry: e.currentTarget.value as ExpiryChoice })}
          data-testid="api-token-expiry"
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'never'
                ? t('apiTokens.create.expiryNever')
                : choice === 'custom'
                  ? t('apiTokens.create.expiryCustom')
                  : t('apiTokens.create.expiryDays', { count: Number(choice) })}
            </option>
          ))}
        </SelectField>
        {values.expiry === 'custom' ? (
          <TextField
            name="customDate"
            type="date"
            label={t('apiTokens.create.customDate')}
            value={values.customDate}
            error={dateMissing ? t('apiTokens.create.customDateRequired') : undefined}
            required
            onChange={(e) => setValues({ ...values, customDate: e.currentTarget.value })}
            data-testid="api-token-date"
          />
        ) : null}
        <FormError error={create.error} fields={FIELDS} />
        <div>
          <Button type="submit" variant="primary" pending={create.isPending} data-testid="api-token-submit">
            {create.isPending ? t('apiTokens.create.submitting') : t('apiTokens.create.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
