import type { WebhookDeliveryDto, WebhookSubscriptionDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { useErrorText } from '@/shared/ui/form-error';
import { useDeliveries, useReplayDelivery } from '../api/webhooks.api';
import { deliveryTone } from '../model/webhook-form';

/** The delivery log: status, attempts with their answers, the body sent, and replay. */
export function WebhookDeliveriesCard({
  workspaceId,
  subscriptions,
}: {
  workspaceId: string;
  subscriptions: WebhookSubscriptionDto[];
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const deliveries = useDeliveries(workspaceId);
  const replay = useReplayDelivery(workspaceId);
  const urlOf = (id: string) =>
    subscriptions.find((s) => s.id === id)?.url ?? t('webhooks.log.subscriptionGone');
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Card
      title={t('webhooks.log.title')}
      data-testid="webhook-deliveries"
      actions={
        <Button size="sm" variant="ghost" onClick={() => void deliveries.refetch()}>
          {t('webhooks.log.refresh')}
        </Button>
      }
    >
      {deliveries.error ? <Alert tone="error">{errorText(deliveries.error)}</Alert> : null}
      {replay.error ? <Alert tone="error">{errorText(replay.error)}</Alert> : null}
      {deliveries.data?.length === 0 ? <p className="muted">{t('webhooks.log.empty')}</p> : null}
      <ul className="webhooks__list">
        {(deliveries.data ?? []).map((d: WebhookDeliveryDto) => (
          <li key={d.id} className="webhooks__item" data-testid={`delivery-${d.id}`}>
            <div className="webhooks__item-head">
              <Badge tone={deliveryTone(d.status)}>{t(`webhooks.status.${d.status}`)}</Badge>
              <strong>{t(`webhooks.events.${d.eventType}`)}</strong>
              <span className="muted">{time(d.createdAt)}</span>
              {d.lastStatusCode !== null ? <Badge>{d.lastStatusCode}</Badge> : null}
            </div>
            <p className="muted">
              {urlOf(d.subscriptionId)} · {t('webhooks.log.attempts', { count: d.attempts })}
              {d.nextAttemptAt ? ` · ${t('webhooks.log.nextAttempt', { at: time(d.nextAttemptAt) })}` : ''}
            </p>
            <details>
              <summary>{t('webhooks.log.details')}</summary>
              <ol className="webhooks__attempts">
                {d.attemptLog.map((a) => (
                  <li key={a.id}>
                    {t('webhooks.log.attempt', {
                      number: a.number,
                      trigger: t(`webhooks.triggers.${a.trigger}`),
                      status: a.statusCode ?? a.error ?? t('webhooks.log.noAnswer'),
                      ms: a.durationMs,
                    })}
                    {a.responseExcerpt ? <pre className="webhooks__pre">{a.responseExcerpt}</pre> : null}
                  </li>
                ))}
              </ol>
              <p>{t('webhooks.log.body')}</p>
              <pre className="webhooks__pre">{JSON.stringify(d.body, null, 2)}</pre>
            </details>
            {d.status !== 'pending' ? (
              <div className="webhooks__actions">
                <Button
                  size="sm"
                  variant="secondary"
                  pending={replay.isPending && replay.variables === d.id}
                  onClick={() => replay.mutate(d.id)}
                  data-testid={`delivery-replay-${d.id}`}
                >
                  {t('webhooks.log.replay')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
