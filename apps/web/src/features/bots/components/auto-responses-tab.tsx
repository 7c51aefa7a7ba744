import type { AutoResponseDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { ChatIcon, PlusIcon, TrashIcon } from '@/shared/ui/icons';
import { LoadingState } from '@/shared/ui/spinner';
import { autoResponsesApi } from '../api/auto-responses.api';
import { AutoResponsesFormDialog } from './auto-responses-form-dialog';
import { BotCheckbox, usePlatformNames } from './bots-shell.fields';
import type { BotsTabProps } from './bots-shell.tabs';
import { SandboxPanel } from './sandbox-panel';

type Editing = { autoResponse: AutoResponseDto | null } | null;

/** Auto-responses: answers to messages that mention a term, without a prefix. */
export function AutoResponsesTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const platformNames = usePlatformNames();
  const list = autoResponsesApi.useList(workspaceId);
  const toggle = autoResponsesApi.useUpdate(workspaceId);
  const remove = autoResponsesApi.useDelete(workspaceId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AutoResponseDto | null>(null);
  const nameOf = (autoResponse: AutoResponseDto) => autoResponse.terms.join(', ');

  return (
    <>
      {!canEdit ? <Alert tone="info">{t('bots.readOnly')}</Alert> : null}
      <Card
        title={t('bots.autoResponses.listTitle')}
        actions={
          canEdit ? (
            <Button
              variant="primary"
              icon={<PlusIcon />}
              onClick={() => setEditing({ autoResponse: null })}
              aria-haspopup="dialog"
              data-testid="new-auto-response"
            >
              {t('bots.autoResponses.new')}
            </Button>
          ) : null
        }
      >
        {list.isPending ? <LoadingState label={t('common.loading')} /> : null}
        {list.isError ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
        {toggle.isError ? <Alert tone="error">{errorText(toggle.error)}</Alert> : null}
        {list.data?.length === 0 ? (
          <EmptyState icon={<ChatIcon />} title={t('bots.autoResponses.emptyTitle')}>
            <p className="muted">{t('bots.autoResponses.emptyBody')}</p>
          </EmptyState>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <ul className="row-list" data-testid="auto-response-list">
            {list.data.map((autoResponse) => (
              <li key={autoResponse.id} className="row-list__item bot-row" data-testid="auto-response-item">
                <div className="bot-row__main">
                  <p className="row-list__title">{nameOf(autoResponse)}</p>
                  <p className="row-list__meta bot-row__meta">
                    <Badge tone="accent">{t(`bots.autoResponses.modes.${autoResponse.matchMode}`)}</Badge>
                    <span>
                      {autoResponse.globalCooldownSeconds === 0 && autoResponse.userCooldownSeconds === 0
                        ? t('bots.list.noCooldown')
                        : t('bots.list.cooldowns', {
                            global: autoResponse.globalCooldownSeconds,
                            user: autoResponse.userCooldownSeconds,
                          })}
                    </span>
                    <span>{platformNames(autoResponse.platforms)}</span>
                  </p>
                  <p className="row-list__meta bot-preview__line">{autoResponse.responses[0]}</p>
                </div>
                <div className="bot-row__actions">
                  <BotCheckbox
                    label={autoResponse.enabled ? t('bots.list.enabled') : t('bots.list.disabled')}
                    checked={autoResponse.enabled}
                    disabled={!canEdit || toggle.isPending}
                    onChange={(enabled) => toggle.mutate({ id: autoResponse.id, request: { enabled } })}
                    data-testid="auto-response-enabled-toggle"
                  />
                  {canEdit ? (
                    <>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setEditing({ autoResponse })}
                        aria-haspopup="dialog"
                        aria-label={t('bots.list.editLabel', { name: nameOf(autoResponse) })}
                        data-testid="edit-auto-response"
                      >
                        {t('bots.list.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="btn--danger-text"
                        icon={<TrashIcon />}
                        onClick={() => setDeleting(autoResponse)}
                        aria-haspopup="dialog"
                        aria-label={t('bots.list.deleteLabel', { name: nameOf(autoResponse) })}
                        data-testid="delete-auto-response"
                      />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      {canEdit ? <SandboxPanel workspaceId={workspaceId} /> : null}

      <AutoResponsesFormDialog
        workspaceId={workspaceId}
        autoResponse={editing?.autoResponse ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        title={t('bots.autoResponses.deleteTitle')}
        description={t('bots.autoResponses.deleteBody')}
        confirmLabel={t('bots.list.delete')}
        onClose={() => setDeleting(null)}
        data-testid="delete-auto-response-dialog"
      />
    </>
  );
}
