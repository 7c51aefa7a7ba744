import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { KofiTab } from './kofi-tab';
import { LeaderboardTab } from './leaderboard-tab';
import { PointsSettingsTab } from './points-settings-tab';
import { PointsViewersTab } from './points-viewers-tab';

/** What every tab of the Points page gets from the page. */
export interface PointsTabProps {
  workspaceId: string;
  /** Moderators and owners edit; read-only co-hosts only look. */
  canEdit: boolean;
  /** Owners see Ko-fi e-mails and its settings. */
  isOwner: boolean;
  /** The Viewers page (merging identities lives there). */
  viewersHref: string;
}

export interface PointsTab {
  id: string;
  label: (t: TFunction) => string;
  render: (props: PointsTabProps) => ReactNode;
}

/** The Points page's tabs, in order: the tab bar, the URL and the panel follow from this list. */
export const POINTS_TABS: readonly PointsTab[] = [
  {
    id: 'viewers',
    label: (t) => t('points.tabs.viewers'),
    render: (props) => <PointsViewersTab {...props} />,
  },
  {
    id: 'leaderboard',
    label: (t) => t('points.tabs.leaderboard'),
    render: (props) => <LeaderboardTab {...props} />,
  },
  {
    id: 'settings',
    label: (t) => t('points.tabs.settings'),
    render: (props) => <PointsSettingsTab {...props} />,
  },
  { id: 'kofi', label: (t) => t('points.tabs.kofi'), render: (props) => <KofiTab {...props} /> },
];
