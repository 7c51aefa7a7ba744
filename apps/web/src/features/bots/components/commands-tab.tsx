import { DEFAULT_COMMAND_PREFIX, type BotCommandDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { CopyField } from '@/shared/ui/copy-field';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { ChatIcon, PlusIcon, TrashIcon } from '@/shared/ui/icons';
import { LoadingState } from '@/shared/ui/spinner';
import { useBotSettings } from '../api/bot-settings.api';
import { commandsApi, useBuiltinCommands } from '../api/commands.api';
import { publicCommandsPath } from '../model/commands.public';
import { BotCheckbox, usePlatformNames } from './bots-shell.fields';
import type { BotsTabProps } from './bots-shell.tabs';
import { CommandsFormDialog } from './commands-form-dialog';
import { SandboxPanel } from './sandbox-panel';

type Editing = { command: BotCommandDto | null } | null;

/** Custom commands (list, create, edit, toggle, delete), the built-ins, and the sandbox. */
export function CommandsTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const platformNames = usePlatformNames();
  const settings = useBotSettings(workspaceId);
  const commands = commandsApi.useList(workspaceId);
  const builtins = useBuiltinCommands(workspaceId);
  const toggle = commandsApi.useUpdate(workspaceId);
  const remove = commandsApi.useDelete(workspaceId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<BotCommandDto | null>(null);
  const prefix = settings.data?.prefix ?? DEFAULT_COMMAND_PREFIX;

  return (
    <>
      {!canEdit ? <Alert tone="info">{t('bots.readOnly')}</Alert> : null}
      <Card
        title={t('bots.commands.listTitle')}
        actions={
          canEdit ? (
            <Button
              variant="primary"
              icon={<PlusIcon />}
              onClick={() => setEditing({ command: null })}
              aria-haspopup="dialog"
              data-testid="new-command"
            >
              {t('bots.commands.new')}
            </Button>
          ) : null
        }
      >
        {commands.isPending ? <LoadingState label={t('common.loading')} /> : null}
        {commands.isError ? <Alert tone="error">{errorText(commands.error)}</Alert> : null}
        {toggle.isError ? <Alert tone="error">{errorText(toggle.error)}</Alert> : null}
        {commands.data?.length === 0 ? (
          <EmptyState icon={<ChatIcon />} title={t('bots.commands.emptyTitle')}>
            <p className="muted">{t('bots.commands.emptyBody')}</p>
          </EmptyState>
        ) : null}
        {commands.data && commands.data.length > 0 ? (
          <ul className="row-list" data-testid="command-list">
            {commands.data.map((command) => (
              <li key={command.id} className="row-list__item bot-row" data-testid="command-item">
                <div className="bot-row__main">
                  <p className="row-list__title">
                    <span className="bot-row__name">
                      {prefix}
                      {command.name}
                    </span>
                  </p>
                  <p className="row-list__meta bot-row__meta">
                    {command.aliases.length > 0 ? (
                      <span>
                        {t('bots.commands.aliasesValue', {
                          aliases: command.aliases.map((alias) => `${prefix}${alias}`).join(', '),
                        })}
                      </span>
                    ) : null}
                    <Badge tone="accent">{t(`bots.permissions.${command.permission}`)}</Badge>
                    <span>
                      {command.globalCooldownSeconds === 0 && command.userCooldownSeconds === 0
                        ? t('bots.list.noCooldown')
                        : t('bots.list.cooldowns', {
                            global: command.globalCooldownSeconds,
                            user: command.userCooldownSeconds,
                          })}
                    </span>
                    <span>{platformNames(command.platforms)}</span>
                    <span data-testid="command-uses">
                      {t('bots.commands.uses', { count: command.useCount })}
                    </span>
                  </p>
                  <p className="row-list__meta bot-preview__line">{command.responses[0]}</p>
                </div>
                <div className="bot-row__actions">
                  <BotCheckbox
                    label={command.enabled ? t('bots.list.enabled') : t('bots.list.disabled')}
                    checked={command.enabled}
                    disabled={!canEdit || toggle.isPending}
                    onChange={(enabled) => toggle.mutate({ id: command.id, request: { enabled } })}
                    data-testid="command-enabled-toggle"
                  />
                  {canEdit ? (
                    <>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setEditing({ command })}
                        aria-haspopup="dialog"
                        aria-label={t('bots.list.editLabel', { name: `${prefix}${command.name}` })}
                        data-testid="edit-command"
                      >
                        {t('bots.list.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="btn--danger-text"
                        icon={<TrashIcon />}
                        onClick={() => setDeleting(command)}
                        aria-haspopup="dialog"
                        aria-label={t('bots.list.deleteLabel', { name: `${prefix}${command.name}` })}
                        data-testid="delete-command"
                      />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <Card title={t('bots.commands.builtinsTitle')} description={t('bots.commands.builtinsDescription')}>
        {builtins.isError ? <Alert tone="error">{errorText(builtins.error)}</Alert> : null}
        {builtins.data ? (
          <ul className="row-list" data-testid="builtin-list">
            {builtins.data.map((builtin) => (
              <li key={builtin.name} className="row-list__item bot-row" data-testid="builtin-item">
                <div className="bot-row__main">
                  <p className="row-list__title">
                    <span className="bot-row__name">
                      {prefix}
                      {builtin.name}
                    </span>
                  </p>
                  <p className="row-list__meta bot-row__meta">
                    <Badge tone="accent">{t(`bots.permissions.${builtin.permission}`)}</Badge>
                    {builtin.aliases.length > 0 ? (
                      <span>
                        {t('bots.commands.aliasesValue', {
                          aliases: builtin.aliases.map((alias) => `${prefix}${alias}`).join(', '),
                        })}
                      </span>
                    ) : null}
                    <span>{builtin.description}</span>
                  </p>
                </div>
              </li>
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

      <CommandsFormDialog
        workspaceId={workspaceId}
        command={editing?.command ?? null}
        open={editing !== null}
        prefix={prefix}
        onClose={() => setEditing(null)}
      />
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        title={t('bots.commands.deleteTitle', { name: deleting ? `${prefix}${deleting.name}` : '' })}
        description={t('bots.commands.deleteBody')}
        confirmLabel={t('bots.list.delete')}
        onClose={() => setDeleting(null)}
        data-testid="delete-command-dialog"
      />
    </>
  );
}
