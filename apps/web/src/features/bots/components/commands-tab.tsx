import { DEFAULT_COMMAND_PREFIX, type BotCommandDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Card } from '@/shared/ui/card';
import { CopyField } from '@/shared/ui/copy-field';
import { useErrorText } from '@/shared/ui/form-error';
import { useBotSettings } from '../api/bot-settings.api';
import { commandsApi, useBuiltinCommands } from '../api/commands.api';
import { publicCommandsPath } from '../model/commands.public';
import { BotCooldowns, BotRow } from './bot-list-parts';
import { BotListTab } from './bot-list-tab';
import { usePlatformNames } from './bots-shell.fields';
import type { BotsTabProps } from './bots-shell.tabs';
import { CommandsFormDialog } from './commands-form-dialog';
import { SandboxPanel } from './sandbox-panel';

/** Custom commands (list, create, edit, toggle, delete), the built-ins, and the sandbox. */
export function CommandsTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const platformNames = usePlatformNames();
  const settings = useBotSettings(workspaceId);
  const builtins = useBuiltinCommands(workspaceId);
  const prefix = settings.data?.prefix ?? DEFAULT_COMMAND_PREFIX;
  const call = (name: string) => `${prefix}${name}`;

  return (
    <BotListTab<BotCommandDto>
      workspaceId={workspaceId}
      canEdit={canEdit}
      api={commandsApi}
      kind="command"
      texts={{
        listTitle: t('bots.commands.listTitle'),
        newLabel: t('bots.commands.new'),
        emptyTitle: t('bots.commands.emptyTitle'),
        emptyBody: t('bots.commands.emptyBody'),
        deleteTitle: (command) => t('bots.commands.deleteTitle', { name: command ? call(command.name) : '' }),
        deleteBody: t('bots.commands.deleteBody'),
      }}
      nameOf={(command) => call(command.name)}
      renderMain={(command) => (
        <>
          <CommandName prefix={prefix} name={command.name} />
          <p className="row-list__meta bot-row__meta">
            <Aliases prefix={prefix} aliases={command.aliases} />
            <Badge tone="accent">{t(`bots.permissions.${command.permission}`)}</Badge>
            <BotCooldowns item={command} />
            <span>{platformNames(command.platforms)}</span>
            <span data-testid="command-uses">{t('bots.commands.uses', { count: command.useCount })}</span>
          </p>
          <p className="row-list__meta bot-preview__line">{command.responses[0]}</p>
        </>
      )}
      renderDialog={({ item, open, onClose }) => (
        <CommandsFormDialog
          workspaceId={workspaceId}
          command={item}
          open={open}
          prefix={prefix}
          onClose={onClose}
        />
      )}
    >
      <Card title={t('bots.commands.builtinsTitle')} description={t('bots.commands.builtinsDescription')}>
        {builtins.isError ? <Alert tone="error">{errorText(builtins.error)}</Alert> : null}
        {builtins.data ? (
          <ul className="row-list" data-testid="builtin-list">
            {builtins.data.map((builtin) => (
              <BotRow
                key={builtin.name}
                data-testid="builtin-item"
                main={
                  <>
                    <CommandName prefix={prefix} name={builtin.name} />
                    <p className="row-list__meta bot-row__meta">
                      <Badge tone="accent">{t(`bots.permissions.${builtin.permission}`)}</Badge>
                      <Aliases prefix={prefix} aliases={builtin.aliases} />
                      <span>{builtin.description}</span>
                    </p>
                  </>
                }
              />
            ))}
          </ul>
        ) : null}
        <CopyField
          label={t('bots.commands.publicPage')}
          value={`${window.location.origin}${publicCommandsPath(workspaceId)}`}
          copyLabel={t('common.copy')}
          copiedLabel={t('common.copied')}
          testId="public-commands-url"
        />
        <p className="field__hint">{t('bots.commands.publicPageHint')}</p>
      </Card>

      {canEdit ? <SandboxPanel workspaceId={workspaceId} /> : null}
    </BotListTab>
  );
}

/** A row's title: the command as typed in chat. */
function CommandName({ prefix, name }: { prefix: string; name: string }) {
  return (
    <p className="row-list__title">
      <span className="bot-row__name">
        {prefix}
        {name}
      </span>
    </p>
  );
}

/** The other names a command answers to, each with the prefix (nothing when there is none). */
function Aliases({ prefix, aliases }: { prefix: string; aliases: readonly string[] }) {
  const { t } = useTranslation();
  if (aliases.length === 0) return null;
  return (
    <span>
      {t('bots.commands.aliasesValue', { aliases: aliases.map((alias) => `${prefix}${alias}`).join(', ') })}
    </span>
  );
}
