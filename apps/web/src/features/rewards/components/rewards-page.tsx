import { useTranslation } from 'react-i18next';
import { PageTabs, resolvePageTab } from '@/shared/ui/page-tabs';
import { REWARDS_TABS } from './rewards-tabs';
import { useRewardsLive } from './use-rewards-live';
import './rewards.css';

/** The Rewards page: the live queue, the rewards and categories, goals and votes. */
export function RewardsPage({
  workspaceId,
  canEdit,
  tabId,
  tabHref,
  onSelect,
}: {
  workspaceId: string;
  canEdit: boolean;
  tabId: string | undefined;
  tabHref: (tabId: string) => string;
  onSelect: (tabId: string) => void;
}) {
  const { t } = useTranslation();
  const live = useRewardsLive(workspaceId);
  const current = resolvePageTab(REWARDS_TABS, tabId);
  return (
    <PageTabs
      tabs={REWARDS_TABS.map((tab) => ({ id: tab.id, label: tab.label(t) }))}
      current={current?.id}
      label={t('rewards.tabs.label')}
      tabHref={tabHref}
      onSelect={onSelect}
      testIdPrefix="rewards"
    >
      {current?.render({ workspaceId, canEdit, live })}
    </PageTabs>
  );
}
