import type { ConnectionDto, Role } from '@podium/contracts';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { AnnouncementsTab } from './announcements-tab';
import { AutoResponsesTab } from './auto-responses-tab';
import { BotSettingsTab } from './bot-settings-tab';
import { CommandsTab } from './commands-tab';
import { BOT_ALERTS_TABS } from './alerts-tabs';

/** What every tab of the Bots page gets from the page. */
export interface BotsTabProps {
  workspaceId: string;
  /** Moderators and owners edit; read-only co-hosts only look. */
  canEdit: boolean;
  /** The workspace's chat connections (targets of announcements, platform names). */
  connections: readonly ConnectionDto[];
}

export interface BotsTab {
  /** The URL segment: `/w/<id>/bots/<tab id>`. */
  id: string;
  label: (t: TFunction) => string;
  /** The least role the api lets read what the tab shows; below it the tab is a notice, not a 403. */
  least: Role;
  render: (props: BotsTabProps) => ReactNode;
}

/**
 * The Bots page's tabs, in order. To add one, add an entry here (and nothing else): the tab bar,
 * the URL and the panel follow from it.
 */
export const BOTS_TABS: readonly BotsTab[] = [
  {
    id: 'commands',
    label: (t) => t('bots.tabs.commands'),
    least: 'moderator',
    render: (props) => <CommandsTab {...props} />,
  },
  {
    id: 'auto-responses',
    label: (t) => t('bots.tabs.autoResponses'),
    least: 'moderator',
    render: (props) => <AutoResponsesTab {...props} />,
  },
  {
    id: 'announcements',
    label: (t) => t('bots.tabs.announcements'),
    least: 'moderator',
    render: (props) => <AnnouncementsTab {...props} />,
  },
  {
    id: 'settings',
    label: (t) => t('bots.tabs.settings'),
    least: 'moderator',
    render: (props) => <BotSettingsTab {...props} />,
  },
  ...BOT_ALERTS_TABS,
];
