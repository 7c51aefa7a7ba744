import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { ConnectionsPanel } from '@/features/connections/components/connections-panel';
import { PageHeader } from '@/shared/ui/card';
import { RoleGate } from '@/shared/ui/role-gate';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** Platform connections: moderators look, owners connect and disconnect; viewers get a notice. */
export function ConnectionsRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  useDocumentTitle(`${t('connections.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('connections.title')} description={t('connections.description')} />
      <RoleGate role={membership.role} least="moderator" notice={t('connections.viewerNotice')}>
        <ConnectionsPanel
          key={membership.workspaceId}
          workspaceId={membership.workspaceId}
          canManage={roleAtLeast(membership.role, 'owner')}
        />
      </RoleGate>
    </>
  );
}
