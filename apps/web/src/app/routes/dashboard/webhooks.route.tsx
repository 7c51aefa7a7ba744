import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { WebhooksPage } from '@/features/webhooks/components/webhooks-page';
import { Alert } from '@/shared/ui/alert';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** Outbound webhooks and Discord (moderators and owners). */
export function WebhooksRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  useDocumentTitle(`${t('webhooks.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.description')} />
      {roleAtLeast(membership.role, 'moderator') ? (
        <WebhooksPage key={membership.workspaceId} workspaceId={membership.workspaceId} />
      ) : (
        <Alert tone="info">{t('webhooks.readOnly')}</Alert>
      )}
    </>
  );
}
