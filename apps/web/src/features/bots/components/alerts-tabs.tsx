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
    render: (props) => <RevolutionsTab {...props} />,
  },
  { id: 'alerts', label: (t) => t('botAlerts.tabs.alerts'), render: (props) => <AlertsTab {...props} /> },
  { id: 'media', label: (t) => t('botAlerts.tabs.media'), render: (props) => <MediaTab {...props} /> },
  {
    id: 'moderation',
    label: (t) => t('botAlerts.tabs.moderation'),
    render: (props) => <ModerationTab {...props} />,
  },
  {
    id: 'moderation-log',
    label: (t) => t('botAlerts.tabs.moderationLog'),
    render: (props) => <ModerationLogTab {...props} />,
  },
];
