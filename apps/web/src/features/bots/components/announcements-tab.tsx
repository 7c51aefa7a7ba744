import type { AnnouncementDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Badge } from '@/shared/ui/badge';
import { announcementsApi } from '../api/announcements.api';
import { targetLabels } from '../model/announcements.form';
import { AnnouncementsFormDialog } from './announcements-form-dialog';
import { BotListTab } from './bot-list-tab';
import type { BotsTabProps } from './bots-shell.tabs';

/** Periodic announcements: messages posted in turn every N minutes, to all or chosen connections. */
export function AnnouncementsTab({ workspaceId, canEdit, connections }: BotsTabProps) {
  const { t, i18n } = useTranslation();

  const targets = (announcement: AnnouncementDto): string => {
    if (announcement.connectionIds.length === 0) return t('bots.announcements.allConnections');
    return targetLabels(announcement.connectionIds, connections, (platform) =>
      t(`bots.platforms.${platform}`),
    ).join(', ');
  };

  return (
    <BotListTab<AnnouncementDto>
      workspaceId={workspaceId}
      canEdit={canEdit}
      api={announcementsApi}
      kind="announcement"
      texts={{
        listTitle: t('bots.announcements.listTitle'),
        newLabel: t('bots.announcements.new'),
        emptyTitle: t('bots.announcements.emptyTitle'),
        emptyBody: t('bots.announcements.emptyBody'),
        deleteTitle: (announcement) =>
          t('bots.announcements.deleteTitle', { name: announcement?.name ?? '' }),
        deleteBody: t('bots.announcements.deleteBody'),
      }}
      nameOf={(announcement) => announcement.name}
      renderMain={(announcement) => (
        <>
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
        </>
      )}
      renderDialog={({ item, open, onClose }) => (
        <AnnouncementsFormDialog
          workspaceId={workspaceId}
          announcement={item}
          open={open}
          connections={connections}
          onClose={onClose}
        />
      )}
    />
  );
}
