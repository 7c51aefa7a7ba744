import type { ConnectionDto } from '@podium/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { CopyField } from '@/shared/ui/copy-field';
import { quotaView, tokenExpired } from '../model/connection-view';
import { relativeTime } from '../model/relative-time';
import { ConnectionStatusBadge } from './connection-status';
import { QuotaMeter } from './quota-meter';
import { SubscriptionList } from './subscription-list';

export interface ConnectionDetailsProps {
  connection: ConnectionDto;
  now: number;
  /** Owners: the disconnect button and the webhook URL (a credential) are shown. */
  canManage: boolean;
  onDisconnect: (connection: ConnectionDto) => void;
}

/** Everything the organizer needs to know about one connection, and the way to end it. */
export function ConnectionDetails({ connection, now, canManage, onDisconnect }: ConnectionDetailsProps) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => relativeTime(iso, now, i18n.language);
  const quota = quotaView(connection.quota);
  const platform = t(`platforms.${connection.platform}`);
  const expired = tokenExpired(connection.tokenExpiresAt, now);

  const rows: [string, ReactNode][] = [];
  if (connection.accountName) rows.push([t('connections.account'), connection.accountName]);
  if (connection.platform === 'twitch') {
    rows.push([t('connections.botAccount'), connection.botAccountName ?? t('connections.noBot')]);
  }
  if (connection.tokenExpiresAt) {
    rows.push([
      t('connections.tokenExpires'),
      expired ? (
        <span className="conn-details__bad">
          {t('connections.tokenExpired', { when: when(connection.tokenExpiresAt) })}
        </span>
      ) : (
        <time dateTime={connection.tokenExpiresAt}>{when(connection.tokenExpiresAt)}</time>
      ),
    ]);
  }
  rows.push([t('connections.transport'), t(`connections.transports.${connection.transport}`)]);
  rows.push([
    t('connections.lastEvent'),
    connection.lastEventAt ? (
      <time dateTime={connection.lastEventAt} data-testid="last-event">
        {when(connection.lastEventAt)}
      </time>
    ) : (
      t('connections.noEventYet')
    ),
  ]);

  return (
    <article
      className="conn-details"
      data-testid="connection"
      data-connection-id={connection.id}
      aria-label={connection.accountName ? `${platform} ${connection.accountName}` : platform}
    >
      <div className="conn-details__head">
        <ConnectionStatusBadge status={connection.status} />
        {canManage && connection.platform !== 'inroom' ? (
          <Button
            size="sm"
            variant="ghost"
            className="btn--danger-text"
            onClick={() => onDisconnect(connection)}
            aria-label={t('connections.disconnectLabel', {
              platform,
              account: connection.accountName ?? '',
            }).trim()}
            aria-haspopup="dialog"
            data-testid="disconnect"
          >
            {t('connections.disconnect')}
          </Button>
        ) : null}
      </div>
      {connection.statusDetail && connection.status !== 'connected' ? (
        <Alert tone={connection.status === 'needs_attention' ? 'warning' : 'info'}>
          <span data-testid="status-detail">{connection.statusDetail}</span>
        </Alert>
      ) : null}
      <dl className="conn-details__list">
        {rows.map(([term, value]) => (
          <div className="conn-details__row" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {connection.platform === 'twitch' ? (
        <SubscriptionList subscriptions={connection.subscriptions} />
      ) : null}
      {quota ? <QuotaMeter quota={quota} now={now} /> : null}
      {canManage && connection.webhookUrl ? (
        <div className="conn-details__webhook">
          <CopyField
            label={t('connections.owncast.webhookUrl')}
            value={connection.webhookUrl}
            copyLabel={t('common.copy')}
            copiedLabel={t('common.copied')}
            testId="webhook-url"
          />
          <p className="field__hint">{t('connections.owncast.webhookHint')}</p>
        </div>
      ) : null}
    </article>
  );
}
