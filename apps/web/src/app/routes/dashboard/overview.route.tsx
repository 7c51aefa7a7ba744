import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { RewardCountersCard } from '@/features/rewards/components/reward-counters-card';
import { Badge } from '@/shared/ui/badge';
import { Card, PageHeader } from '@/shared/ui/card';
import { EmptyState } from '@/shared/ui/empty-state';
import { SparkIcon } from '@/shared/ui/icons';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function OverviewRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  useDocumentTitle(`${t('overview.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader
        title={membership.workspaceName}
        description={
          <>
            <Badge tone="accent">{t(`roles.${membership.role}`)}</Badge>{' '}
            {t(`roleDescriptions.${membership.role}`)}
          </>
        }
      />
      <Card data-testid="overview-empty">
        <EmptyState icon={<SparkIcon />} title={t('overview.emptyTitle')}>
          <p>{t('overview.emptyBody')}</p>
          <p className="muted">{t('overview.nextSteps')}</p>
        </EmptyState>
      </Card>
      <RewardCountersCard
        workspaceId={membership.workspaceId}
        canEdit={roleAtLeast(membership.role, 'moderator')}
      />
    </>
  );
}
