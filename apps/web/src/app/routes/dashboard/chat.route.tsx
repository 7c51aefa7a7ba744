import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { ChatPanel } from '@/features/chat/components/chat-panel';
import { useConnections } from '@/features/connections/api/connections.api';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

const NO_CONNECTIONS: never[] = [];

/** Composes the two features: the composer sends to the workspace's connections. */
export function ChatRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  const canSend = roleAtLeast(membership.role, 'moderator');
  // Viewers read the log without the connection list (moderator+: it holds webhook keys).
  const connections = useConnections(membership.workspaceId, { enabled: canSend });
  useDocumentTitle(`${t('chat.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('chat.title')} description={t('chat.description')} />
      <ChatPanel
        // A new workspace is a new log: its own stores and socket listeners.
        key={membership.workspaceId}
        workspaceId={membership.workspaceId}
        connections={connections.data ?? NO_CONNECTIONS}
        canSend={canSend}
      />
    </>
  );
}
