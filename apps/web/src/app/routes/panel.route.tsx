import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PanelPage } from '@/features/panel/components/panel-page';
import { PanelSignIn } from '@/features/panel/components/panel-sign-in';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

/** `/p/:token` (public): the `!panel` link; trades it for a panel session, then opens the panel. */
export function PanelSignInRoute() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('panel.title'));
  return (
    <AuthLayout title={t('panel.title')}>
      <PanelSignIn key={token} token={token} />
    </AuthLayout>
  );
}

/** `/panel/:workspaceId` (public, panel session): balance, rewards, goals, queue, history, Ko-fi. */
export function PanelRoute() {
  const { t } = useTranslation();
  const { workspaceId = '' } = useParams();
  useDocumentTitle(t('panel.title'));
  return <PanelPage workspaceId={workspaceId} />;
}
