import { EVENT_ALERT_KINDS } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useMediaLibrary } from '../api/media.api';
import type { BotsTabProps } from './bots-shell.tabs';
import { AlertsCard } from './alerts-card';
import './alerts.css';

/** Event alerts: one card per kind (follow … donation), each saved on its own. */
export function AlertsTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t } = useTranslation();
  const media = useMediaLibrary(workspaceId);
  return (
    <div className="bot-stack">
      <p className="muted">{t('botAlerts.alerts.description')}</p>
      <div className="alert-cards">
        {EVENT_ALERT_KINDS.map((kind) => (
          <AlertsCard key={kind} workspaceId={workspaceId} kind={kind} media={media.data} canEdit={canEdit} />
        ))}
      </div>
    </div>
  );
}
