import { useTranslation } from 'react-i18next';
import { PageTabs, resolvePageTab } from '@/shared/ui/page-tabs';
import { POINTS_TABS, type PointsTabProps } from './points-tabs';
import { usePointsLive } from './use-points-live';
import './points.css';

/** The Points page: viewers and balances, leaderboard, settings, Ko-fi; each tab has its URL. */
export function PointsPage({
  tabId,
  tabHref,
  onSelect,
  ...props
}: PointsTabProps & {
  tabId: string | undefined;
  tabHref: (tabId: string) => string;
  onSelect: (tabId: string) => void;
}) {
  const { t } = useTranslation();
  usePointsLive(props.workspaceId);
  const current = resolvePageTab(POINTS_TABS, tabId);
  return (
    <PageTabs
      tabs={POINTS_TABS.map((tab) => ({ id: tab.id, label: tab.label(t) }))}
      current={current?.id}
      label={t('points.tabs.label')}
      tabHref={tabHref}
      onSelect={onSelect}
      testIdPrefix="points"
    >
      {current?.render(props)}
    </PageTabs>
  );
}
