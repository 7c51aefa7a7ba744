import type { WebhookSubscriptionDto, WebhookSubscriptionWithSecretDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';
import { useErrorText } from '@/shared/ui/form-error';
import {
  useDeleteSubscription,
  useRotateSecret,
  useSendTest,
  useUpdateSubscription,
} from '../api/webhooks.api';

/** The workspace's subscriptions: enable/disable, test, new secret, delete. */
export function WebhookSubscriptionsCard({
  workspaceId,
  subscriptions,
  onSecret,
}: {
  workspaceId: string;
  subscriptions: WebhookSubscriptionDto[];
  onSecret: (rotated: WebhookSubscriptionWithSecretDto) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const update = useUpdateSubscription(workspaceId);
  const test = useSendTest(workspaceId);
  const rotate = useRotateSecret(workspaceId);
  const remove = useDeleteSubscription(workspaceId);
  const [removing, setRemoving] = useState<WebhookSubscriptionDto | null>(null);
  const [tested, setTested] = useState<string | null>(null);
  const failure = update.error ?? test.error ?? rotate.error;

  return (
    <Card title={t('webhooks.list.title')} data-testid="webhook-subscriptions">
      {failure ? <Alert tone="error">{errorText(failure)}</Alert> : null}
      {subscriptions.length === 0 ? (
        <p className="muted">{t('webhooks.list.empty')}</p>
      ) : (
        <ul className="webhooks__list">
          {subscriptions.map((s) => (
            <li key={s.id} className="webhooks__item" data-testid={`webhook-${s.id}`}>
              <div className="webhooks__item-head">
                <strong className="webhooks__url">{s.url}</strong>
                <Badge tone={s.enabled ? 'accent' : 'muted'}>
                  {s.enabled ? t('webhooks.list.enabled') : t('webhooks.list.disabled')}
                </Badge>
                <Badge>{s.kind}</Badge>
              </div>
              {s.description ? <p className="muted">{s.description}</p> : null}
              <p className="muted">
                {s.eventTypes.map((type) => t(`webhooks.events.${type}`)).join(', ')} ·{' '}
                {t('webhooks.list.secretHint', { hint: s.secretHint })}
                {s.consecutiveFailures > 0
                  ? ` · ${t('webhooks.list.failures', { count: s.consecutiveFailures })}`
                  : ''}
              </p>
              {tested === s.id ? <p className="muted">{t('webhooks.list.testQueued')}</p> : null}
              <div className="webhooks__actions">
                <Button
                  size="sm"
                  variant="secondary"
                  pending={test.isPending && test.variables === s.id}
                  onClick={() => test.mutate(s.id, { onSuccess: () => setTested(s.id) })}
                  data-testid={`webhook-test-${s.id}`}
                >
                  {t('webhooks.list.test')}
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => update.mutate({ id: s.id, enabled: !s.enabled })}
                  data-testid={`webhook-toggle-${s.id}`}
                >
                  {s.enabled ? t('webhooks.list.disable') : t('webhooks.list.enable')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => rotate.mutate(s.id, { onSuccess: onSecret })}
                >
                  {t('webhooks.list.rotate')}
                </Button>
                <Button size="sm" variant="danger" onClick={() => setRemoving(s)}>
                  {t('webhooks.list.remove')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('webhooks.list.removeTitle')}
        description={t('webhooks.list.removeBody')}
        confirmLabel={t('webhooks.list.remove')}
        tone="danger"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (removing) remove.mutate(removing.id, { onSuccess: () => setRemoving(null) });
        }}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      />
    </Card>
  );
}

/** Subscriptions the server disabled after failures, each with a re-enable button. */
export function DisabledBanners({
  workspaceId,
  subscriptions,
}: {
  workspaceId: string;
  subscriptions: WebhookSubscriptionDto[];
}) {
  const { t } = useTranslation();
  const update = useUpdateSubscription(workspaceId);
  const disabled = subscriptions.filter((s) => s.disabledReason === 'failures');
  return (
    <>
      {disabled.map((s) => (
        <div key={s.id} data-testid={`webhook-disabled-${s.id}`}>
          <Alert tone="warning" title={t('webhooks.disabledBanner.title')}>
            <p>{t('webhooks.disabledBanner.body', { url: s.url, count: s.consecutiveFailures })}</p>
            <Button
              size="sm"
              pending={update.isPending && update.variables?.id === s.id}
              onClick={() => update.mutate({ id: s.id, enabled: true })}
            >
              {t('webhooks.disabledBanner.reenable')}
            </Button>
          </Alert>
        </div>
      ))}
    </>
  );
}
