import { COMMAND_PERMISSIONS, type BotCommandDto, type CommandPermission } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/shared/ui/field';
import { ObsActionField } from '@/shared/ui/obs-action-field';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { commandsApi } from '../api/commands.api';
import { splitLines } from '../model/bots-shell.form';
import {
  buildCommandRequest,
  COMMAND_FIELDS,
  commandFormValues,
  validateCommandRequest,
  withoutPrefix,
} from '../model/commands.form';
import { BotCooldownFields, BotForm, BotFormDialog } from './bot-form-dialog';
import { useBotItemForm } from './bot-item-form';
import { PlatformChecks } from './bots-shell.fields';
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
    <BotFormDialog
      open={open}
      onClose={onClose}
      title={
        command
          ? t('bots.commands.editTitle', { name: `${prefix}${command.name}` })
          : t('bots.commands.createTitle')
      }
      description={t('bots.commands.formDescription')}
      formKey={command?.id ?? 'new'}
      data-testid="command-dialog"
    >
      <CommandForm workspaceId={workspaceId} command={command} prefix={prefix} onClose={onClose} />
    </BotFormDialog>
  );
}

function CommandForm({ workspaceId, command, prefix, onClose }: Omit<CommandsFormDialogProps, 'open'>) {
  const { t } = useTranslation();
  const form = useBotItemForm({
    api: commandsApi,
    workspaceId,
    item: command,
    initial: () => commandFormValues(command),
    fields: COMMAND_FIELDS,
    build: (values) => buildCommandRequest(values, prefix),
    validate: validateCommandRequest,
    onSaved: onClose,
  });
  const { values, set, errors, bind } = form;

  return (
    <BotForm
      form={form}
      createLabel={t('bots.commands.create')}
      onCancel={onClose}
      data-testid="command-form"
      saveTestId="save-command"
      enabledTestId="command-enabled-input"
    >
      <TextField
        label={t('bots.commands.fields.name')}
        {...bind('name')}
        required
        autoFocus
        autoComplete="off"
        spellCheck={false}
        className="input--mono"
        hint={t('bots.commands.fields.nameHint')}
        data-testid="command-name-input"
      />
      <TextField
        label={t('bots.commands.fields.aliases')}
        {...bind('aliases')}
        autoComplete="off"
        spellCheck={false}
        className="input--mono"
        hint={t('bots.commands.fields.aliasesHint')}
        data-testid="command-aliases-input"
      />
      <TextAreaField
        label={t('bots.form.responses')}
        {...bind('responses')}
        rows={4}
        required
        hint={t('bots.form.responsesHint')}
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
      <BotCooldownFields bind={bind} testIdPrefix="command" />
      <PlatformChecks
        selected={values.platforms}
        onChange={(platforms) => set('platforms', platforms)}
        error={errors['platforms']}
      />
      <ObsActionField
        value={values.obsAction}
        onChange={(obsAction) => set('obsAction', obsAction)}
        error={errors['obsAction']}
        testId="command-obs-action"
      />
    </BotForm>
  );
}
