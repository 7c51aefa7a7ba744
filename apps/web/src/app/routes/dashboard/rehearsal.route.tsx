import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { ChatPanel } from '@/features/chat/components/chat-panel';
import { useConnections } from '@/features/connections/api/connections.api';
import { RehearsalPanel } from '@/features/rehearsal/components/rehearsal-panel';
import { Alert } from '@/shared/ui/alert';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

const NO_CONNECTIONS: never[] = [];

/** Rehearsal mode: the simulator's controls beside the merged chat log, where bots' replies show. */
export function RehearsalRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  const canRehearse = roleAtLeast(membership.role, 'moderator');
  const connections = useConnections(membership.workspaceId, { enabled: canRehearse });
  useDocumentTitle(`${t('rehearsal.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('rehearsal.title')} description={t('rehearsal.description')} />
      {canRehearse ? (
        <div className="rehearsal-page" data-testid="rehearsal-page">
          <RehearsalPanel key={membership.workspaceId} workspaceId={membership.workspaceId} />
          <ChatPanel
            key={`chat-${membership.workspaceId}`}
            workspaceId={membership.workspaceId}
            connections={connections.data ?? NO_CONNECTIONS}
            canSend
          />
        </div>
      ) : (
        <Alert tone="info">{t('rehearsal.readOnly')}</Alert>
      )}
    </>
  );
}
