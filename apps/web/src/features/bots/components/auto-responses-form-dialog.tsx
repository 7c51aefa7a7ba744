import {
  AUTO_RESPONSE_MATCH_MODES,
  type AutoResponseDto,
  type AutoResponseMatchMode,
} from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { SelectField, TextField } from '@/shared/ui/field';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { autoResponsesApi } from '../api/auto-responses.api';
import {
  AUTO_RESPONSE_FIELDS,
  autoResponseFormValues,
  buildAutoResponseRequest,
  sampleMatches,
  validateAutoResponseRequest,
  type AutoResponseFormValues,
} from '../model/auto-responses.form';
import { splitLines, type FieldIssue } from '../model/bots-shell.form';
import { BotCheckbox, BotFormError, PlatformChecks, useBotFieldErrors } from './bots-shell.fields';
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
    <Dialog
      open={open}
      onClose={onClose}
      title={autoResponse ? t('bots.autoResponses.editTitle') : t('bots.autoResponses.createTitle')}
      description={t('bots.autoResponses.formDescription')}
      closeLabel={t('common.close')}
      data-testid="auto-response-dialog"
    >
      {open ? (
        <AutoResponseForm
          key={autoResponse?.id ?? 'new'}
          workspaceId={workspaceId}
          autoResponse={autoResponse}
          onClose={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function AutoResponseForm({
  workspaceId,
  autoResponse,
  onClose,
}: Omit<AutoResponsesFormDialogProps, 'open'>) {
  const { t } = useTranslation();
  const create = autoResponsesApi.useCreate(workspaceId);
  const update = autoResponsesApi.useUpdate(workspaceId);
  const mutation = autoResponse ? update : create;
  const [values, setValues] = useState<AutoResponseFormValues>(() => autoResponseFormValues(autoResponse));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [sample, setSample] = useState('');
  const errors = useBotFieldErrors(issues, mutation.error, AUTO_RESPONSE_FIELDS);

  const set = <K extends keyof AutoResponseFormValues>(key: K, value: AutoResponseFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const request = buildAutoResponseRequest(values);
    const found = validateAutoResponseRequest(request);
    setIssues(found);
    if (found.length > 0) return;
    if (autoResponse) update.mutate({ id: autoResponse.id, request }, { onSuccess: onClose });
    else create.mutate(request, { onSuccess: onClose });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="auto-response-form">
      <BotFormError error={issues.length > 0 ? null : mutation.error} fields={AUTO_RESPONSE_FIELDS} />
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
        name="terms"
        rows={3}
        required
        autoFocus
        hint={t('bots.autoResponses.fields.termsHint')}
        value={values.terms}
        onChange={(event) => set('terms', event.currentTarget.value)}
        error={errors['terms']}
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
        name="responses"
        rows={3}
        required
        hint={t('bots.form.responsesHint')}
        value={values.responses}
        onChange={(event) => set('responses', event.currentTarget.value)}
        error={errors['responses']}
        data-testid="auto-response-responses-input"
      />
      <CommandsPreview templates={splitLines(values.responses)} />
      <div className="form form--row">
        <TextField
          label={t('bots.form.globalCooldown')}
          name="globalCooldownSeconds"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          hint={t('bots.form.cooldownHint')}
          value={values.globalCooldownSeconds}
          onChange={(event) => set('globalCooldownSeconds', event.currentTarget.value)}
          error={errors['globalCooldownSeconds']}
        />
        <TextField
          label={t('bots.form.userCooldown')}
          name="userCooldownSeconds"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          hint={t('bots.form.cooldownHint')}
          value={values.userCooldownSeconds}
          onChange={(event) => set('userCooldownSeconds', event.currentTarget.value)}
          error={errors['userCooldownSeconds']}
        />
      </div>
      <PlatformChecks
        selected={values.platforms}
        onChange={(platforms) => set('platforms', platforms)}
        error={errors['platforms']}
      />
      <BotCheckbox
        label={t('bots.form.enabled')}
        checked={values.enabled}
        onChange={(enabled) => set('enabled', enabled)}
      />
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" pending={mutation.isPending} data-testid="save-auto-response">
          {mutation.isPending
            ? t('common.saving')
            : autoResponse
              ? t('common.save')
              : t('bots.autoResponses.create')}
        </Button>
      </div>
    </form>
  );
}
