import type { ConnectionDto } from '@podium/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { Alert } from '@/shared/ui/alert';
import { useChatLog } from '../socket/use-chat-log';
import { ChatComposer } from './chat-composer';
import { ChatFilters } from './chat-filters';
import { ChatLogView } from './chat-log-view';
import './chat.css';

export interface ChatPanelProps {
  workspaceId: string;
  /** The workspace's connections (the page composes them from the connections feature). */
  connections: readonly ConnectionDto[];
  /** Moderators and owners send as the bot; viewers read the log only. */
  canSend: boolean;
}

/** The chat page: the live merged log across platforms, its filters, and the bot's composer. */
export function ChatPanel({ workspaceId, connections, canSend }: ChatPanelProps) {
  const { t } = useTranslation();
  const connectionIds = useMemo(() => connections.map((connection) => connection.id), [connections]);
  const { log, outbox, actions } = useChatLog(workspaceId, connectionIds);
  const filter = useStore(log, (s) => s.filter);
  const snapshot = useStore(
    log,
    useShallow((s) => ({
      events: s.events,
      status: s.status,
      error: s.error,
      hasEarlier: s.hasEarlier,
      loadingEarlier: s.loadingEarlier,
      following: s.following,
      unseen: s.unseen,
    })),
  );

  return (
    <div className="chat-page" data-testid="chat-panel">
      <section className="card chat-page__log">
        <ChatFilters filter={filter} onChange={actions.setFilter} />
        <ChatLogView
          log={snapshot}
          actions={actions}
          filtered={filter.platform !== null || filter.kind !== null}
        />
      </section>
      {canSend ? (
        <ChatComposer workspaceId={workspaceId} connections={connections} outbox={outbox} />
      ) : (
        <Alert tone="info">{t('chat.composer.readOnly')}</Alert>
      )}
    </div>
  );
}
