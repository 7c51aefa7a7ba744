import type { ModerationAction, ModerationLogEntryDto } from '@podium/contracts';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { moderationLogFetcher } from '../api/moderation.api';
import { connectModerationLog, type ModerationLogLive } from '../api/moderation-live';
import { createModerationLogStore } from '../model/moderation-log.store';
import type { BotsTabProps } from './bots-shell.tabs';
import './alerts.css';

/** "Timed out 600 s", "Deleted", "Banned". */
export function actionText(t: TFunction, action: ModerationAction): string {
  switch (action.type) {
    case 'delete':
      return t('botAlerts.log.actions.delete');
    case 'timeout':
      return t('botAlerts.log.actions.timeout', { seconds: action.seconds });
    case 'ban':
      return t('botAlerts.log.actions.ban');
  }
}

/** The moderation log: newest first, live, with older pages on demand. */
export function ModerationLogTab({ workspaceId }: BotsTabProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [store] = useState(createModerationLogStore);
  const state = useStore(store);
  const live = useRef<ModerationLogLive | null>(null);

  useOrganizerSocket(
    (socket) => {
      const connection = connectModerationLog(socket, moderationLogFetcher(workspaceId), store, workspaceId);
      live.current = connection;
      return () => {
        connection.stop();
        live.current = null;
      };
    },
    [workspaceId, store],
  );

  return (
    <div className="bot-stack" data-testid="moderation-log">
      <p className="muted">{t('botAlerts.log.description')}</p>
      {state.status === 'loading' && state.entries.length === 0 ? (
        <LoadingState label={t('common.loading')} />
      ) : null}
      {state.status === 'error' ? (
        <Alert tone="error">
          {errorText(state.error)}{' '}
          <Button size="sm" variant="ghost" onClick={() => void live.current?.reload()}>
            {t('botAlerts.common.retry')}
          </Button>
        </Alert>
      ) : null}
      {state.status === 'ready' && state.entries.length === 0 ? (
        <p className="muted">{t('botAlerts.log.empty')}</p>
      ) : null}
      {state.entries.length > 0 ? (
        <table className="moderation-log">
          <thead>
            <tr>
              <th scope="col">{t('botAlerts.log.when')}</th>
              <th scope="col">{t('botAlerts.log.viewer')}</th>
              <th scope="col">{t('botAlerts.log.message')}</th>
              <th scope="col">{t('botAlerts.log.rule')}</th>
              <th scope="col">{t('botAlerts.log.action')}</th>
              <th scope="col">{t('botAlerts.log.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {state.entries.map((entry) => (
              <LogRow key={entry.id} entry={entry} t={t} language={i18n.language} />
            ))}
          </tbody>
        </table>
      ) : null}
      {state.hasOlder ? (
        <div className="form__actions">
          <Button
            pending={state.loadingOlder}
            onClick={() => void live.current?.loadOlder()}
            data-testid="moderation-log-older"
          >
            {t('botAlerts.log.older')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function LogRow({ entry, t, language }: { entry: ModerationLogEntryDto; t: TFunction; language: string }) {
  return (
    <tr data-testid="moderation-log-entry">
      <td>
        <time dateTime={entry.at}>{formatDate(entry.at, language, true)}</time>
      </td>
      <td>
        {entry.viewerDisplayName} <Badge tone="muted">{t(`botAlerts.platforms.${entry.platform}`)}</Badge>
      </td>
      <td className="moderation-log__text">{entry.messageText}</td>
      <td>
        {t(`botAlerts.log.rules.${entry.rule}`)}
        {entry.ruleDetail ? <span className="muted"> · {entry.ruleDetail}</span> : null}
      </td>
      <td>{actionText(t, entry.action)}</td>
      <td>
        <Badge tone={entry.outcome === 'done' ? 'accent' : 'neutral'}>
          {t(`botAlerts.log.outcomes.${entry.outcome}`)}
        </Badge>
        {entry.outcomeDetail ? <span className="muted"> {entry.outcomeDetail}</span> : null}
      </td>
    </tr>
  );
}
