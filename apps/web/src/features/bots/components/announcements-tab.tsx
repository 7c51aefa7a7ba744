import type { AnnouncementDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { ChatIcon, PlusIcon, TrashIcon } from '@/shared/ui/icons';
import { LoadingState } from '@/shared/ui/spinner';
import { announcementsApi } from '../api/announcements.api';
import { targetLabels } from '../model/announcements.form';
import { AnnouncementsFormDialog } from './announcements-form-dialog';
import { BotCheckbox } from './bots-shell.fields';
import type { BotsTabProps } from './bots-shell.tabs';

type Editing = { announcement: AnnouncementDto | null } | null;

/** Periodic announcements: messages posted in turn every N minutes, to all or chosen connections. */
export function AnnouncementsTab({ workspaceId, canEdit, connections }: BotsTabProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const list = announcementsApi.useList(workspaceId);
  const toggle = announcementsApi.useUpdate(workspaceId);
  const remove = announcementsApi.useDelete(workspaceId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AnnouncementDto | null>(null);

  const targets = (announcement: AnnouncementDto): string => {
    if (announcement.connectionIds.length === 0) return t('bots.announcements.allConnections');
    return targetLabels(announcement.connectionIds, connections, (platform) =>
      t(`bots.platforms.${platform}`),
    ).join(', ');
  };

  return (
    <>
      {!canEdit ? <Alert tone="info">{t('bots.readOnly')}</Alert> : null}
      <Card
        title={t('bots.announcements.listTitle')}
        actions={
          canEdit ? (
            <Button
              variant="primary"
              icon={<PlusIcon />}
              onClick={() => setEditing({ announcement: null })}
              aria-haspopup="dialog"
              data-testid="new-announcement"
            >
              {t('bots.announcements.new')}
            </Button>
          ) : null
        }
      >
        {list.isPending ? <LoadingState label={t('common.loading')} /> : null}
        {list.isError ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
        {toggle.isError ? <Alert tone="error">{errorText(toggle.error)}</Alert> : null}
        {list.data?.length === 0 ? (
          <EmptyState icon={<ChatIcon />} title={t('bots.announcements.emptyTitle')}>
            <p className="muted">{t('bots.announcements.emptyBody')}</p>
          </EmptyState>
        ) : null}
        {list.data && list.data.length > 0 ? (
          <ul className="row-list" data-testid="announcement-list">
            {list.data.map((announcement) => (
              <li key={announcement.id} className="row-list__item bot-row" data-testid="announcement-item">
                <div className="bot-row__main">
                  <p className="row-list__title">{announcement.name}</p>
                  <p className="row-list__meta bot-row__meta">
                    <Badge tone="accent">
                      {t('bots.announcements.every', { count: announcement.intervalMinutes })}
                    </Badge>
                    <span>{t('bots.announcements.messages', { count: announcement.messages.length })}</span>
                    {announcement.liveOnly ? <span>{t('bots.announcements.liveOnly')}</span> : null}
                    {announcement.minChatMessages > 0 ? (
                      <span>{t('bots.announcements.minChat', { count: announcement.minChatMessages })}</span>
                    ) : null}
                    <span>{targets(announcement)}</span>
                    <span data-testid="announcement-last-posted">
                      {announcement.lastPostedAt
                        ? t('bots.announcements.lastPosted', {
                            when: formatDate(announcement.lastPostedAt, i18n.language, true),
                          })
                        : t('bots.announcements.neverPosted')}
                    </span>
                  </p>
                  <p className="row-list__meta bot-preview__line">
                    {announcement.messages[announcement.nextMessageIndex] ?? announcement.messages[0]}
                  </p>
                </div>
                <div className="bot-row__actions">
                  <BotCheckbox
                    label={announcement.enabled ? t('bots.list.enabled') : t('bots.list.disabled')}
                    checked={announcement.enabled}
                    disabled={!canEdit || toggle.isPending}
                    onChange={(enabled) => toggle.mutate({ id: announcement.id, request: { enabled } })}
                    data-testid="announcement-enabled-toggle"
                  />
                  {canEdit ? (
                    <>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setEditing({ announcement })}
                        aria-haspopup="dialog"
                        aria-label={t('bots.list.editLabel', { name: announcement.name })}
                        data-testid="edit-announcement"
                      >
                        {t('bots.list.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        className="btn--danger-text"
                        icon={<TrashIcon />}
                        onClick={() => setDeleting(announcement)}
                        aria-haspopup="dialog"
                        aria-label={t('bots.list.deleteLabel', { name: announcement.name })}
                        data-testid="delete-announcement"
                      />
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <AnnouncementsFormDialog
        workspaceId={workspaceId}
        announcement={editing?.announcement ?? null}
        open={editing !== null}
        connections={connections}
        onClose={() => setEditing(null)}
      />
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        title={t('bots.announcements.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('bots.announcements.deleteBody')}
        confirmLabel={t('bots.list.delete')}
        onClose={() => setDeleting(null)}
        data-testid="delete-announcement-dialog"
      />
    </>
  );
}
