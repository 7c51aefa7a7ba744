import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { GoalsVotesTab } from './goals-votes-tab';
import { QueueTab } from './queue-tab';
import { RewardsTab } from './rewards-tab';
import type { useRewardsLive } from './use-rewards-live';

/** What every tab of the Rewards page gets from the page. */
export interface RewardsTabProps {
  workspaceId: string;
  /** Moderators and owners edit and work the queue; read-only co-hosts only look. */
  canEdit: boolean;
  /** The page's live stores (kept while switching tabs, so the queue stays whole). */
  live: ReturnType<typeof useRewardsLive>;
}

export interface RewardsTab {
  id: string;
  label: (t: TFunction) => string;
  render: (props: RewardsTabProps) => ReactNode;
}

export const REWARDS_TABS: readonly RewardsTab[] = [
  { id: 'queue', label: (t) => t('rewards.tabs.queue'), render: (props) => <QueueTab {...props} /> },
  { id: 'rewards', label: (t) => t('rewards.tabs.rewards'), render: (props) => <RewardsTab {...props} /> },
  {
    id: 'goals-votes',
    label: (t) => t('rewards.tabs.goalsVotes'),
    render: (props) => <GoalsVotesTab {...props} />,
  },
];
