import type { ConnectionSubscriptionDto } from '@podium/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { sortedSubscriptions, subscriptionHealth } from '../model/connection-view';

/** Twitch EventSub subscriptions, revoked ones first and marked, with what to do about them. */
export function SubscriptionList({ subscriptions }: { subscriptions: readonly ConnectionSubscriptionDto[] }) {
  const { t } = useTranslation();
  const id = useId();
  const revoked = subscriptions.filter((s) => subscriptionHealth(s) === 'revoked').length;
  return (
    <section className="conn-subs" aria-labelledby={id}>
      <h4 className="conn-subs__title" id={id}>
        {t('connections.subscriptions.title')}
      </h4>
      {revoked > 0 ? (
        <Alert tone="warning">{t('connections.subscriptions.revokedCount', { count: revoked })}</Alert>
      ) : null}
      {subscriptions.length === 0 ? (
        <p className="muted">{t('connections.subscriptions.none')}</p>
      ) : (
        <ul className="conn-subs__list" data-testid="subscription-list">
          {sortedSubscriptions(subscriptions).map((subscription) => {
            const health = subscriptionHealth(subscription);
            return (
              <li
                key={subscription.type}
                className={`conn-subs__item conn-subs__item--${health}`}
                data-health={health}
              >
                <code className="conn-subs__type">{subscription.type}</code>
                <span className="conn-subs__state">
                  {health === 'revoked'
                    ? t('connections.subscriptions.revoked', { status: subscription.status })
                    : t(`connections.subscriptions.${health}`)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
