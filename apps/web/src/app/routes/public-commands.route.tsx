import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CommandsPublicList } from '@/features/bots/components/commands-public-list';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** `/c/:workspaceId` (public): the chat commands of a workspace, the page `!help` links to. */
export function PublicCommandsRoute() {
  const { t } = useTranslation();
  const { workspaceId = '' } = useParams();
  useDocumentTitle(t('bots.publicCommands.title'));
  return (
    <AuthLayout title={t('bots.publicCommands.title')} subtitle={t('bots.publicCommands.subtitle')}>
      <CommandsPublicList workspaceId={workspaceId} />
    </AuthLayout>
  );
}
