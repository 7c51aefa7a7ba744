import type { ConnectionDto, Platform } from '@podium/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/shared/ui/card';
import { ConnectionDetails } from './connection-details';

export interface PlatformCardProps {
  platform: Platform;
  description: string;
  /** This platform's connections in the workspace, oldest first. */
  connections: readonly ConnectionDto[];
  now: number;
  canManage: boolean;
  onDisconnect: (connection: ConnectionDto) => void;
  /** Owner actions (connect, reconnect, bot account, the Owncast form); absent when read-only. */
  actions?: ReactNode;
}

/** One platform: each of its connections with their health, then what the owner can do. */
export function PlatformCard({
  platform,
  description,
  connections,
  now,
  canManage,
  onDisconnect,
  actions,
}: PlatformCardProps) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <span className="conn-card__title">
          <span className={`platform-mark platform-mark--${platform}`} aria-hidden="true" />
          {t(`platforms.${platform}`)}
        </span>
      }
      description={description}
      className={`conn-card conn-card--${platform}`}
      data-testid={`platform-${platform}`}
      data-connected={connections.length > 0}
    >
      {connections.length === 0 ? (
        <p className="muted" data-testid="not-connected">
          {t('connections.notConnected')}
        </p>
      ) : (
        <div className="conn-card__list">
          {connections.map((connection) => (
            <ConnectionDetails
              key={connection.id}
              connection={connection}
              now={now}
              canManage={canManage}
              onDisconnect={onDisconnect}
            />
          ))}
        </div>
      )}
      {actions ? <div className="conn-card__actions">{actions}</div> : null}
    </Card>
  );
}
