import { DEFAULT_COMMAND_PREFIX } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { TextField } from '@/shared/ui/field';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useBotSettings, useUpdateBotSettings } from '../api/bot-settings.api';
import {
  BOT_SETTINGS_FIELDS,
  buildBotSettingsRequest,
  validateBotSettingsRequest,
} from '../model/bot-settings.form';
import type { FieldIssue } from '../model/bots-shell.form';
import { BotFormError, useBotFieldErrors } from './bots-shell.fields';
import type { BotsTabProps } from './bots-shell.tabs';

/** The workspace's bot settings: the command prefix. */
export function BotSettingsTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useBotSettings(workspaceId);
  return (
    <Card title={t('bots.settings.title')} description={t('bots.settings.description')}>
      {settings.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {settings.isError ? <Alert tone="error">{errorText(settings.error)}</Alert> : null}
      {settings.data ? (
        <PrefixForm workspaceId={workspaceId} prefix={settings.data.prefix} canEdit={canEdit} />
      ) : null}
    </Card>
  );
}

function PrefixForm({
  workspaceId,
  prefix,
  canEdit,
}: {
  workspaceId: string;
  prefix: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateBotSettings(workspaceId);
  const [value, setValue] = useState(prefix || DEFAULT_COMMAND_PREFIX);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const errors = useBotFieldErrors(issues, update.error, BOT_SETTINGS_FIELDS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    const request = buildBotSettingsRequest(value);
    const found = validateBotSettingsRequest(request);
    setIssues(found);
    if (found.length === 0) update.mutate(request);
  };

  return (
    <form className="form form--row" onSubmit={submit} noValidate data-testid="bot-settings-form">
      <BotFormError error={issues.length > 0 ? null : update.error} fields={BOT_SETTINGS_FIELDS} />
      <TextField
        label={t('bots.settings.prefix')}
        name="prefix"
        required
        maxLength={2}
        autoComplete="off"
        spellCheck={false}
        className="input--mono"
        hint={t('bots.settings.prefixHint')}
        value={value}
        disabled={!canEdit}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          update.reset();
        }}
        error={errors['prefix']}
        data-testid="bot-prefix-input"
      />
      {canEdit ? (
        <div className="form__actions form__actions--end">
          <Button type="submit" variant="primary" pending={update.isPending} data-testid="save-bot-settings">
            {update.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
      ) : null}
      {update.isSuccess ? <Alert tone="success">{t('bots.settings.saved')}</Alert> : null}
    </form>
  );
}
