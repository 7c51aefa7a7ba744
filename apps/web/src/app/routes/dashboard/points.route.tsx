import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PointsPage } from '@/features/points/components/points-page';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { workspacePath } from '../../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** The points economy's management: balances, leaderboard, settings, Ko-fi. */
export function PointsRoute() {
  const { t } = useTranslation();
  const { tab } = useParams();
  const navigate = useNavigate();
  const { membership } = useDashboard();
  const workspaceId = membership.workspaceId;
  useDocumentTitle(`${t('points.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('points.title')} description={t('points.description')} />
      <PointsPage
        key={workspaceId}
        workspaceId={workspaceId}
        canEdit={roleAtLeast(membership.role, 'moderator')}
        isOwner={roleAtLeast(membership.role, 'owner')}
        viewersHref={workspacePath(workspaceId, 'viewers')}
        tabId={tab}
        tabHref={(tabId) => workspacePath(workspaceId, `points/${tabId}`)}
        onSelect={(tabId) => void navigate(workspacePath(workspaceId, `points/${tabId}`))}
      />
    </>
  );
}
