import type { WebhookSubscriptionWithSecretDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { SecretReveal } from '@/shared/ui/secret-reveal';
import { LoadingState } from '@/shared/ui/spinner';
import { useSubscriptions } from '../api/webhooks.api';
import { WebhookCreateCard } from './webhook-create-card';
import { WebhookDeliveriesCard } from './webhook-deliveries-card';
import { DisabledBanners, WebhookSubscriptionsCard } from './webhook-subscriptions-card';
import { useWebhooksLive } from './use-webhooks-live';
import './webhooks.css';

/** Outbound webhooks of a workspace: subscriptions, the secret shown once, the delivery log. */
export function WebhooksPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const subscriptions = useSubscriptions(workspaceId);
  const [secret, setSecret] = useState<{ dto: WebhookSubscriptionWithSecretDto; rotated: boolean } | null>(
    null,
  );
  useWebhooksLive(workspaceId);

  if (subscriptions.isPending) return <LoadingState label={t('common.loading')} />;
  if (subscriptions.error) return <Alert tone="error">{t('webhooks.loadFailed')}</Alert>;
  const list = subscriptions.data;
  return (
    <div className="webhooks stack" data-testid="webhooks-page">
      <DisabledBanners workspaceId={workspaceId} subscriptions={list} />
      {secret ? (
        <SecretReveal
          title={secret.rotated ? t('webhooks.secret.rotatedTitle') : t('webhooks.secret.title')}
          body={t('webhooks.secret.body')}
          label={t('webhooks.secret.label')}
          value={secret.dto.secret}
          testId="webhook-secret"
          valueTestId="webhook-secret-value"
        >
          <Button size="sm" variant="secondary" onClick={() => setSecret(null)}>
            {t('webhooks.secret.done')}
          </Button>
        </SecretReveal>
      ) : null}
      <WebhookSubscriptionsCard
        workspaceId={workspaceId}
        subscriptions={list}
        onSecret={(dto) => setSecret({ dto, rotated: true })}
      />
      <WebhookCreateCard workspaceId={workspaceId} onCreated={(dto) => setSecret({ dto, rotated: false })} />
      <WebhookDeliveriesCard workspaceId={workspaceId} subscriptions={list} />
    </div>
  );
}
