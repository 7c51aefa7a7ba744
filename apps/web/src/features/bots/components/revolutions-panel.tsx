import type { RevolutionBotDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { PlusIcon } from '@/shared/ui/icons';
import { useMediaLibrary } from '../api/media.api';
import {
  useCreateRevolution,
  useDeleteRevolution,
  useRevolutions,
  useUpdateRevolution,
} from '../api/revolutions.api';
import { newRevolutionDraft, revolutionDraft } from '../model/revolutions-form';
import { BotQueryStatus } from './bot-list-parts';
import type { BotsTabProps } from './bots-shell.tabs';
import { CheckboxField } from './alerts-fields';
import { RevolutionForm } from './revolutions-form';
import { RevolutionProgressBar, useRevolutionsProgress } from './revolutions-progress';
import './alerts.css';

type Editing = { mode: 'create' } | { mode: 'edit'; bot: RevolutionBotDto } | null;

/** Revolution bots: live progress of each, create/edit, enable toggle, delete. */
export function RevolutionsTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t } = useTranslation();
  const bots = useRevolutions(workspaceId);
  const media = useMediaLibrary(workspaceId);
  const create = useCreateRevolution(workspaceId);
  const update = useUpdateRevolution(workspaceId);
  const toggle = useUpdateRevolution(workspaceId);
  const remove = useDeleteRevolution(workspaceId);
  const progress = useRevolutionsProgress(workspaceId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<RevolutionBotDto | null>(null);

  const close = () => {
    setEditing(null);
    create.reset();
    update.reset();
  };

  return (
    <div className="bot-stack">
      <Card
        title={t('botAlerts.revolutions.title')}
        description={t('botAlerts.revolutions.description')}
        level={3}
        actions={
          canEdit && editing === null ? (
            <Button
              variant="primary"
              icon={<PlusIcon />}
              onClick={() => setEditing({ mode: 'create' })}
              data-testid="revolution-new"
            >
              {t('botAlerts.revolutions.create')}
            </Button>
          ) : null
        }
      >
        {editing ? (
          <RevolutionForm
            key={editing.mode === 'edit' ? editing.bot.id : 'new'}
            initial={editing.mode === 'edit' ? revolutionDraft(editing.bot) : newRevolutionDraft()}
            media={media.data}
            pending={editing.mode === 'edit' ? update.isPending : create.isPending}
            error={editing.mode === 'edit' ? update.error : create.error}
            submitLabel={
              editing.mode === 'edit' ? t('botAlerts.common.save') : t('botAlerts.revolutions.create')
            }
            onCancel={close}
            onSubmit={(request) => {
              const done = () => {
                close();
                progress.resync();
              };
              if (editing.mode === 'edit')
                update.mutate({ id: editing.bot.id, request }, { onSuccess: done });
              else create.mutate(request, { onSuccess: done });
            }}
          />
        ) : null}
      </Card>

      <BotQueryStatus query={bots} action={toggle} />
      {bots.data && bots.data.length === 0 ? (
        <p className="muted">{t('botAlerts.revolutions.empty')}</p>
      ) : null}
      {bots.data && bots.data.length > 0 ? (
        <ul className="row-list" data-testid="revolution-list">
          {bots.data.map((bot) => (
            <li key={bot.id} className="row-list__item revolution-row" data-testid="revolution-row">
              <div className="revolution-row__main">
                <p className="row-list__title">
                  {bot.name} <code className="bot-code">{bot.trigger}</code>{' '}
                  {bot.showOnOverlay ? (
                    <Badge tone="muted">{t('botAlerts.revolutions.onOverlay')}</Badge>
                  ) : null}
                </p>
                <p className="row-list__meta">
                  {t('botAlerts.revolutions.summary', {
                    threshold: bot.threshold,
                    window: bot.windowSeconds,
                    cooldown: bot.cooldownSeconds,
                  })}
                </p>
                <RevolutionProgressBar progress={progress.byId[bot.id]} now={progress.now} />
              </div>
              <div className="revolution-row__actions">
                <CheckboxField
                  label={t('botAlerts.revolutions.enabled')}
                  checked={bot.enabled}
                  disabled={!canEdit || toggle.isPending}
                  onChange={(enabled) => toggle.mutate({ id: bot.id, request: { enabled } })}
                  testId={`revolution-enabled-${bot.id}`}
                />
                {canEdit ? (
                  <>
                    <Button size="sm" variant="ghost" onClick={() => setEditing({ mode: 'edit', bot })}>
                      {t('botAlerts.common.edit')}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      className="btn--danger-text"
                      onClick={() => setDeleting(bot)}
                      aria-label={t('botAlerts.revolutions.deleteLabel', { name: bot.name })}
                    >
                      {t('botAlerts.common.delete')}
                    </Button>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        onClose={() => setDeleting(null)}
        title={t('botAlerts.revolutions.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('botAlerts.revolutions.deleteBody')}
        confirmLabel={t('botAlerts.common.delete')}
      />
    </div>
  );
}
