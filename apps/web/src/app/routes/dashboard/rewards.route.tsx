import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { RewardsPage } from '@/features/rewards/components/rewards-page';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { workspacePath } from '../../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** Rewards, the live redemption queue, goals and votes. */
export function RewardsRoute() {
  const { t } = useTranslation();
  const { tab } = useParams();
  const navigate = useNavigate();
  const { membership } = useDashboard();
  const workspaceId = membership.workspaceId;
  useDocumentTitle(`${t('rewards.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('rewards.title')} description={t('rewards.description')} />
      <RewardsPage
        key={workspaceId}
        workspaceId={workspaceId}
        canEdit={roleAtLeast(membership.role, 'moderator')}
        tabId={tab}
        tabHref={(tabId) => workspacePath(workspaceId, `rewards/${tabId}`)}
        onSelect={(tabId) => void navigate(workspacePath(workspaceId, `rewards/${tabId}`))}
      />
    </>
  );
}
