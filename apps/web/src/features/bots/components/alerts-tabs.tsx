import type { BotsTab } from './bots-shell.tabs';
import { AlertsTab } from './alerts-panel';
import { MediaTab } from './media-panel';
import { ModerationLogTab } from './moderation-log-panel';
import { ModerationTab } from './moderation-panel';
import { RevolutionsTab } from './revolutions-panel';

/** The Bots page's second half of tabs (spread into `BOTS_TABS`). */
export const BOT_ALERTS_TABS: readonly BotsTab[] = [
  {
    id: 'revolutions',
    label: (t) => t('botAlerts.tabs.revolutions'),
    least: 'moderator',
    render: (props) => <RevolutionsTab {...props} />,
  },
  {
    id: 'alerts',
    label: (t) => t('botAlerts.tabs.alerts'),
    least: 'moderator',
    render: (props) => <AlertsTab {...props} />,
  },
  // The media library is read by viewers too (uploads and deletes are moderator+).
  {
    id: 'media',
    label: (t) => t('botAlerts.tabs.media'),
    least: 'viewer',
    render: (props) => <MediaTab {...props} />,
  },
  {
    id: 'moderation',
    label: (t) => t('botAlerts.tabs.moderation'),
    least: 'moderator',
    render: (props) => <ModerationTab {...props} />,
  },
  {
    id: 'moderation-log',
    label: (t) => t('botAlerts.tabs.moderationLog'),
    least: 'moderator',
    render: (props) => <ModerationLogTab {...props} />,
  },
];
