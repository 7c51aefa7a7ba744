import {
  WEBHOOK_EVENT_TYPES,
  type WebhookKind,
  type WebhookSubscriptionWithSecretDto,
} from '@podium/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { Checkbox } from '@/shared/ui/checkbox';
import { SelectField, TextField } from '@/shared/ui/field';
import { FormError, useFieldErrors } from '@/shared/ui/form-error';
import { useCreateSubscription } from '../api/webhooks.api';
import { emptyWebhookForm, suggestedKind, toCreateRequest, toggleEventType } from '../model/webhook-form';

const FIELDS = ['url', 'kind', 'description', 'eventTypes'] as const;

/** Subscribe a URL: format, note and the events to send. The secret comes back once. */
export function WebhookCreateCard({
  workspaceId,
  onCreated,
}: {
  workspaceId: string;
  onCreated: (created: WebhookSubscriptionWithSecretDto) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(emptyWebhookForm);
  const create = useCreateSubscription(workspaceId);
  const errors = useFieldErrors(create.error, FIELDS);
  const suggestion = suggestedKind(values.url);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(toCreateRequest(values), {
      onSuccess: (created) => {
        setValues(emptyWebhookForm());
        onCreated(created);
      },
    });
  };

  return (
    <Card title={t('webhooks.create.title')} data-testid="webhook-create">
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          name="url"
          type="url"
          label={t('webhooks.create.url')}
          hint={t('webhooks.create.urlHint')}
          value={values.url}
          error={errors['url']}
          required
          onChange={(e) => setValues({ ...values, url: e.currentTarget.value })}
          data-testid="webhook-url"
        />
        <SelectField
          name="kind"
          label={t('webhooks.create.kind')}
          hint={suggestion && suggestion !== values.kind ? t('webhooks.create.discordSuggested') : undefined}
          value={values.kind}
          error={errors['kind']}
          onChange={(e) => setValues({ ...values, kind: e.currentTarget.value as WebhookKind })}
          data-testid="webhook-kind"
        >
          <option value="json">{t('webhooks.create.kindJson')}</option>
          <option value="discord">{t('webhooks.create.kindDiscord')}</option>
        </SelectField>
        <TextField
          name="description"
          label={t('webhooks.create.descriptionLabel')}
          hint={t('webhooks.create.descriptionHint')}
          value={values.description}
          error={errors['description']}
          maxLength={200}
          onChange={(e) => setValues({ ...values, description: e.currentTarget.value })}
        />
        <fieldset className="webhooks__events" data-testid="webhook-events">
          <legend>{t('webhooks.create.events')}</legend>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <Checkbox
              key={type}
              label={t(`webhooks.events.${type}`)}
              checked={values.eventTypes.has(type)}
              onChange={(on) => setValues(toggleEventType(values, type, on))}
              data-testid={`webhook-event-${type}`}
            />
          ))}
          {errors['eventTypes'] ? (
            <p className="field__error" role="alert">
              {errors['eventTypes']}
            </p>
          ) : null}
        </fieldset>
        <FormError error={create.error} fields={FIELDS} />
        <div>
          <Button type="submit" pending={create.isPending} data-testid="webhook-submit">
            {t('webhooks.create.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
