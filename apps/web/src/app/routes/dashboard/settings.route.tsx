import { roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { BackupCard } from '@/features/backup/components/backup-card';
import { useWorkspace } from '@/features/workspaces/api/workspaces.api';
import { RenameWorkspaceForm } from '@/features/workspaces/components/rename-workspace-form';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Card, PageHeader } from '@/shared/ui/card';
import { useDashboard } from '../../layout/dashboard-context';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function SettingsRoute() {
  const { t, i18n } = useTranslation();
  const { membership } = useDashboard();
  const workspace = useWorkspace(membership.workspaceId);
  const name = workspace.data?.name ?? membership.workspaceName;
  useDocumentTitle(`${t('settings.title')} · ${name}`);
  return (
    <>
      <PageHeader
        title={t('settings.title')}
        description={
          workspace.data
            ? t('settings.createdAt', { date: formatDate(workspace.data.createdAt, i18n.language) })
            : undefined
        }
      />
      <Card title={t('settings.renameTitle')}>
        {roleAtLeast(membership.role, 'owner') ? (
          <RenameWorkspaceForm workspaceId={membership.workspaceId} currentName={name} />
        ) : (
          <>
            <p className="lead" data-testid="workspace-name">
              {name}
            </p>
            <Alert tone="info">{t('settings.ownersOnly')}</Alert>
          </>
        )}
      </Card>
      {roleAtLeast(membership.role, 'owner') ? <BackupCard workspaceId={membership.workspaceId} /> : null}
    </>
  );
}
