import {
  AUTO_RESPONSE_MATCH_MODES,
  type AutoResponseDto,
  type AutoResponseMatchMode,
} from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/shared/ui/field';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { autoResponsesApi } from '../api/auto-responses.api';
import {
  AUTO_RESPONSE_FIELDS,
  autoResponseFormValues,
  buildAutoResponseRequest,
  sampleMatches,
  validateAutoResponseRequest,
} from '../model/auto-responses.form';
import { splitLines } from '../model/bots-shell.form';
import { BotCooldownFields, BotForm, BotFormDialog } from './bot-form-dialog';
import { useBotItemForm } from './bot-item-form';
import { PlatformChecks } from './bots-shell.fields';
import { CommandsPreview } from './commands-preview';

export interface AutoResponsesFormDialogProps {
  workspaceId: string;
  autoResponse: AutoResponseDto | null;
  open: boolean;
  onClose: () => void;
}

/** Create or edit an auto-response, with a sample message to check the match and a preview. */
export function AutoResponsesFormDialog({
  workspaceId,
  autoResponse,
  open,
  onClose,
}: AutoResponsesFormDialogProps) {
  const { t } = useTranslation();
  return (
    <BotFormDialog
      open={open}
      onClose={onClose}
      title={autoResponse ? t('bots.autoResponses.editTitle') : t('bots.autoResponses.createTitle')}
      description={t('bots.autoResponses.formDescription')}
      formKey={autoResponse?.id ?? 'new'}
      data-testid="auto-response-dialog"
    >
      <AutoResponseForm workspaceId={workspaceId} autoResponse={autoResponse} onClose={onClose} />
    </BotFormDialog>
  );
}

function AutoResponseForm({
  workspaceId,
  autoResponse,
  onClose,
}: Omit<AutoResponsesFormDialogProps, 'open'>) {
  const { t } = useTranslation();
  const form = useBotItemForm({
    api: autoResponsesApi,
    workspaceId,
    item: autoResponse,
    initial: () => autoResponseFormValues(autoResponse),
    fields: AUTO_RESPONSE_FIELDS,
    build: buildAutoResponseRequest,
    validate: validateAutoResponseRequest,
    onSaved: onClose,
  });
  const { values, set, errors, bind } = form;
  const [sample, setSample] = useState('');

  return (
    <BotForm
      form={form}
      createLabel={t('bots.autoResponses.create')}
      onCancel={onClose}
      data-testid="auto-response-form"
      saveTestId="save-auto-response"
    >
      <SelectField
        label={t('bots.autoResponses.fields.matchMode')}
        name="matchMode"
        value={values.matchMode}
        onChange={(event) => set('matchMode', event.currentTarget.value as AutoResponseMatchMode)}
        error={errors['matchMode']}
        data-testid="auto-response-mode-select"
      >
        {AUTO_RESPONSE_MATCH_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(`bots.autoResponses.modes.${mode}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('bots.autoResponses.fields.terms')}
        {...bind('terms')}
        rows={3}
        required
        autoFocus
        hint={t('bots.autoResponses.fields.termsHint')}
        data-testid="auto-response-terms-input"
      />
      <TextField
        label={t('bots.autoResponses.fields.sample')}
        name="sample"
        autoComplete="off"
        value={sample}
        onChange={(event) => setSample(event.currentTarget.value)}
        hint={
          sample.trim()
            ? sampleMatches(values, sample)
              ? t('bots.autoResponses.sampleMatches')
              : t('bots.autoResponses.sampleNoMatch')
            : undefined
        }
        data-testid="auto-response-sample-input"
      />
      <TextAreaField
        label={t('bots.form.responses')}
        {...bind('responses')}
        rows={3}
        required
        hint={t('bots.form.responsesHint')}
        data-testid="auto-response-responses-input"
      />
      <CommandsPreview templates={splitLines(values.responses)} />
      <BotCooldownFields bind={bind} />
      <PlatformChecks
        selected={values.platforms}
        onChange={(platforms) => set('platforms', platforms)}
        error={errors['platforms']}
      />
    </BotForm>
  );
}
