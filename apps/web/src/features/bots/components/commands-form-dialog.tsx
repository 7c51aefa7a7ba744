import { COMMAND_PERMISSIONS, type BotCommandDto, type CommandPermission } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { SelectField, TextField } from '@/shared/ui/field';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { commandsApi } from '../api/commands.api';
import type { FieldIssue } from '../model/bots-shell.form';
import { splitLines } from '../model/bots-shell.form';
import {
  buildCommandRequest,
  COMMAND_FIELDS,
  commandFormValues,
  validateCommandRequest,
  withoutPrefix,
  type CommandFormValues,
} from '../model/commands.form';
import { BotCheckbox, BotFormError, PlatformChecks, useBotFieldErrors } from './bots-shell.fields';
import { CommandsPreview } from './commands-preview';

export interface CommandsFormDialogProps {
  workspaceId: string;
  /** The command to edit, or null to create one. */
  command: BotCommandDto | null;
  open: boolean;
  prefix: string;
  onClose: () => void;
}

/** Create or edit a custom command, with a live preview of its answer. */
export function CommandsFormDialog({ workspaceId, command, open, prefix, onClose }: CommandsFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={
        command
          ? t('bots.commands.editTitle', { name: `${prefix}${command.name}` })
          : t('bots.commands.createTitle')
      }
      description={t('bots.commands.formDescription')}
      closeLabel={t('common.close')}
      data-testid="command-dialog"
    >
      {/* Keyed by command: each opening starts from that command's saved values. */}
      {open ? (
        <CommandForm
          key={command?.id ?? 'new'}
          workspaceId={workspaceId}
          command={command}
          prefix={prefix}
          onClose={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function CommandForm({ workspaceId, command, prefix, onClose }: Omit<CommandsFormDialogProps, 'open'>) {
  const { t } = useTranslation();
  const create = commandsApi.useCreate(workspaceId);
  const update = commandsApi.useUpdate(workspaceId);
  const mutation = command ? update : create;
  const [values, setValues] = useState<CommandFormValues>(() => commandFormValues(command));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const errors = useBotFieldErrors(issues, mutation.error, COMMAND_FIELDS);

  const set = <K extends keyof CommandFormValues>(key: K, value: CommandFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const request = buildCommandRequest(values, prefix);
    const found = validateCommandRequest(request);
    setIssues(found);
    if (found.length > 0) return;
    if (command) update.mutate({ id: command.id, request }, { onSuccess: onClose });
    else create.mutate(request, { onSuccess: onClose });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="command-form">
      <BotFormError error={issues.length > 0 ? null : mutation.error} fields={COMMAND_FIELDS} />
      <TextField
        label={t('bots.commands.fields.name')}
        name="name"
        required
        autoFocus
        autoComplete="off"
        spellCheck={false}
        className="input--mono"
        hint={t('bots.commands.fields.nameHint')}
        value={values.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errors['name']}
        data-testid="command-name-input"
      />
      <TextField
        label={t('bots.commands.fields.aliases')}
        name="aliases"
        autoComplete="off"
        spellCheck={false}
        className="input--mono"
        hint={t('bots.commands.fields.aliasesHint')}
        value={values.aliases}
        onChange={(event) => set('aliases', event.currentTarget.value)}
        error={errors['aliases']}
        data-testid="command-aliases-input"
      />
      <TextAreaField
        label={t('bots.form.responses')}
        name="responses"
        rows={4}
        required
        hint={t('bots.form.responsesHint')}
        value={values.responses}
        onChange={(event) => set('responses', event.currentTarget.value)}
        error={errors['responses']}
        data-testid="command-responses-input"
      />
      <CommandsPreview
        templates={splitLines(values.responses)}
        call={{
          prefix,
          name: withoutPrefix(values.name, prefix).toLowerCase(),
          useCount: command?.useCount ?? 0,
        }}
      />
      <SelectField
        label={t('bots.commands.fields.permission')}
        name="permission"
        value={values.permission}
        onChange={(event) => set('permission', event.currentTarget.value as CommandPermission)}
        error={errors['permission']}
        data-testid="command-permission-select"
      >
        {COMMAND_PERMISSIONS.map((permission) => (
          <option key={permission} value={permission}>
            {t(`bots.permissions.${permission}`)}
          </option>
        ))}
      </SelectField>
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
          data-testid="command-global-cooldown-input"
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
          data-testid="command-user-cooldown-input"
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
        data-testid="command-enabled-input"
      />
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" pending={mutation.isPending} data-testid="save-command">
          {mutation.isPending ? t('common.saving') : command ? t('common.save') : t('bots.commands.create')}
        </Button>
      </div>
    </form>
  );
}
