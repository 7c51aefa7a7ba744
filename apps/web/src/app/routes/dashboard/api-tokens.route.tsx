import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { ApiTokensPage } from '@/features/api-tokens/components/api-tokens-page';
import { Alert } from '@/shared/ui/alert';
import { PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** Public API tokens: moderators list them, owners create and revoke them. */
export function ApiTokensRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  useDocumentTitle(`${t('apiTokens.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('apiTokens.title')} description={t('apiTokens.description')} />
      {roleAtLeast(membership.role, 'moderator') ? (
        <ApiTokensPage
          key={membership.workspaceId}
          workspaceId={membership.workspaceId}
          isOwner={membership.role === 'owner'}
        />
      ) : (
        <Alert tone="info">{t('apiTokens.readOnly')}</Alert>
      )}
    </>
  );
}
