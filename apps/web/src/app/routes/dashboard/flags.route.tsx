import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { FlagsPanel } from '@/features/flags/components/flags-panel';
import { useMeetings } from '@/features/meetings/api/meetings.api';
import { Alert } from '@/shared/ui/alert';
import { Card, PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** Composes the two features: flags are scoped to meetings, which the flags feature cannot import. */
function ModeratorFlags({ workspaceId }: { workspaceId: string }) {
  const meetings = useMeetings(workspaceId);
  return <FlagsPanel workspaceId={workspaceId} meetings={meetings.data ?? []} />;
}

export function FlagsRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  useDocumentTitle(`${t('flags.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('flags.title')} description={t('flags.description')} />
      {roleAtLeast(membership.role, 'moderator') ? (
        <ModeratorFlags workspaceId={membership.workspaceId} />
      ) : (
        <Card>
          <Alert tone="info">{t('flags.viewerNotice')}</Alert>
        </Card>
      )}
    </>
  );
}
