import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ReportsPage } from '@/features/reports/components/reports-page';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { workspacePath } from '../../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** Stream and meeting reports (`/w/:id/reports`, one at `/w/:id/reports/:reportId`). */
export function ReportsRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  const { reportId } = useParams();
  const navigate = useNavigate();
  useDocumentTitle(`${t('reports.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('reports.title')} description={t('reports.description')} />
      <ReportsPage
        key={membership.workspaceId}
        workspaceId={membership.workspaceId}
        reportId={reportId ?? null}
        canRecompute={roleAtLeast(membership.role, 'moderator')}
        onOpen={(id) =>
          void navigate(
            workspacePath(membership.workspaceId, id ? `reports/${encodeURIComponent(id)}` : 'reports'),
          )
        }
      />
    </>
  );
}
