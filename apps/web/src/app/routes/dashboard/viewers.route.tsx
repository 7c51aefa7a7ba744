import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { ViewersPanel } from '@/features/chat/components/viewers-panel';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function ViewersRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  useDocumentTitle(`${t('viewers.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('viewers.title')} description={t('viewers.description')} />
      <ViewersPanel
        // A new workspace is a new search and a new pick.
        key={membership.workspaceId}
        workspaceId={membership.workspaceId}
        canMerge={roleAtLeast(membership.role, 'moderator')}
      />
    </>
  );
}
