import type { ConnectionDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useConnections, useDisconnect } from '../api/connections.api';
import { useNow } from '../model/relative-time';
import { useOAuthReturn } from '../model/use-oauth-return';
import { useConnectionPushes } from '../socket/use-connection-pushes';
import { ConnectionCards } from './connection-cards';
import { OAuthResultNotice } from './oauth-result-notice';
import './connections.css';

export interface ConnectionsPanelProps {
  workspaceId: string;
  /** Owners connect and disconnect; moderators and viewers see the same page read-only. */
  canManage: boolean;
}

/** The connections page: one card per platform, live from the server's pushes. */
export function ConnectionsPanel({ workspaceId, canManage }: ConnectionsPanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const connections = useConnections(workspaceId);
  const disconnect = useDisconnect(workspaceId);
  const [disconnecting, setDisconnecting] = useState<ConnectionDto | null>(null);
  const [oauthResult, dismissOAuthResult] = useOAuthReturn();
  const now = useNow();
  useConnectionPushes(workspaceId);

  const disconnectingName = disconnecting ? t(`platforms.${disconnecting.platform}`) : '';

  return (
    <div className="conn-page" data-testid="connections-panel">
      {oauthResult ? <OAuthResultNotice result={oauthResult} onDismiss={dismissOAuthResult} /> : null}
      {canManage ? null : <Alert tone="info">{t('connections.readOnly')}</Alert>}
      {connections.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {connections.isError ? <Alert tone="error">{errorText(connections.error)}</Alert> : null}

      {connections.data ? (
        <ConnectionCards
          workspaceId={workspaceId}
          connections={connections.data}
          now={now}
          canManage={canManage}
          onDisconnect={setDisconnecting}
        />
      ) : null}

      <ConfirmMutationDialog
        target={disconnecting}
        mutation={disconnect}
        onClose={() => setDisconnecting(null)}
        title={t('connections.disconnectTitle', { platform: disconnectingName })}
        description={t('connections.disconnectBody', {
          account: disconnecting?.accountName ?? disconnectingName,
        })}
        confirmLabel={t('connections.disconnect')}
        data-testid="disconnect-dialog"
      />
    </div>
  );
}
