import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useSetupStatus } from '@/features/setup/api/setup.api';
import { SetupForm } from '@/features/setup/components/setup-form';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { AuthLayout } from '@/shared/ui/auth-layout';
import { workspacePath } from '../navigation';
import { useDocumentTitle } from '@/shared/hooks/use-document-title';

export function SetupRoute() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const status = useSetupStatus();
  useDocumentTitle(t('setup.title'));

  if (status.data && !status.data.needsSetup) return <Navigate to="/" replace />;
  return (
    <AuthLayout title={t('setup.title')}>
      {status.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {status.isError ? (
        <Alert tone="error">
          {errorText(status.error)}{' '}
          <Button size="sm" variant="ghost" onClick={() => void status.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : null}
      {status.data?.needsSetup ? (
        <SetupForm
          onDone={(me) => {
            const first = me.memberships[0];
            void navigate(first ? workspacePath(first.workspaceId) : '/', { replace: true });
          }}
        />
      ) : null}
    </AuthLayout>
  );
}
