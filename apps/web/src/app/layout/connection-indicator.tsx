import { useTranslation } from 'react-i18next';
import { useConnection } from '@/shared/socket/connection.store';

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnection((s) => s.state);
  const attempt = useConnection((s) => s.attempt);
  const reconnectCount = useConnection((s) => s.reconnectCount);
  const text = t(`connection.${state}`);
  const detail = state === 'offline' && attempt > 0 ? t('connection.reconnecting', { attempt }) : text;
  return (
    <div
      className="connection"
      role="status"
      aria-live="polite"
      data-state={state}
      data-reconnects={reconnectCount}
      data-testid="connection-indicator"
      title={`${t('connection.label')}: ${detail}`}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{text}</span>
    </div>
  );
}
