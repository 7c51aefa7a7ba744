import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { OverlayTokensPanel } from '@/features/overlays/components/overlay-tokens-panel';
import { Alert } from '@/shared/ui/alert';
import { Card, PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function OverlaysRoute() {
  const { t } = useTranslation();
  const { membership } = useDashboard();
  useDocumentTitle(`${t('overlays.title')} · ${membership.workspaceName}`);
  return (
    <>
      <PageHeader title={t('overlays.title')} description={t('overlays.description')} />
      {roleAtLeast(membership.role, 'moderator') ? (
        <OverlayTokensPanel workspaceId={membership.workspaceId} />
      ) : (
        <Card>
          <Alert tone="info">{t('overlays.viewerNotice')}</Alert>
        </Card>
      )}
    </>
  );
}
