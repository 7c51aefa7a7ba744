import type { ConnectionStatus } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { statusTone } from '../model/connection-view';

/** A coloured dot and the status in words (the colour is never the only cue). */
export function ConnectionStatusBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`conn-status conn-status--${statusTone(status)}`}
      data-testid="connection-status"
      data-status={status}
    >
      <span className="conn-status__dot" aria-hidden="true" />
      {t(`connections.status.${status}`)}
    </span>
  );
}
