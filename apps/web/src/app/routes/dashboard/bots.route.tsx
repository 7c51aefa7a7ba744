import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { BotsShell } from '@/features/bots/components/bots-shell';
import { useConnections } from '@/features/connections/api/connections.api';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { workspacePath } from '../../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

const NO_CONNECTIONS: never[] = [];

/** Composes the bots feature with the workspace's connections (announcement targets). */
export function BotsRoute() {
  const { t } = useTranslation();
  const { tab } = useParams();
  const navigate = useNavigate();
  const { membership } = useDashboard();
  // Announcement targets; viewers see none of the tabs that use them, so don't ask (403).
  const connections = useConnections(membership.workspaceId, {
    enabled: roleAtLeast(membership.role, 'moderator'),
  });
  useDocumentTitle(`${t('bots.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('bots.title')} description={t('bots.description')} />
      <BotsShell
        key={membership.workspaceId}
        workspaceId={membership.workspaceId}
        role={membership.role}
        connections={connections.data ?? NO_CONNECTIONS}
        tabId={tab}
        tabHref={(tabId) => workspacePath(membership.workspaceId, `bots/${tabId}`)}
        onSelect={(tabId) => void navigate(workspacePath(membership.workspaceId, `bots/${tabId}`))}
      />
    </>
  );
}
