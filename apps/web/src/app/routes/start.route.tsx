import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useLogout } from '@/features/auth/api/auth.api';
import { useSetupStatus } from '@/features/setup/api/setup.api';
import { CreateWorkspaceForm } from '@/features/workspaces/components/create-workspace-form';
import { meQueryOptions } from '@/shared/api/me.api';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { AuthLayout, FullPageState } from '@/shared/ui/auth-layout';
import { workspacePath } from '../navigation';

/** `/` decides: first-run setup, then sign-in, then the first workspace. */
export function StartRoute() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const setup = useSetupStatus();
  const me = useQuery({ ...meQueryOptions, enabled: setup.data?.needsSetup === false });

  const failed = setup.error ?? me.error;
  if (failed) {
    return (
      <FullPageState>
        <Alert tone="error">{errorText(failed)}</Alert>
        <Button
          onClick={() => {
            void setup.refetch();
            void me.refetch();
          }}
        >
          {t('common.retry')}
        </Button>
      </FullPageState>
    );
  }
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.isPending) {
    return (
      <FullPageState>
        <LoadingState label={t('common.loading')} />
      </FullPageState>
    );
  }
  if (!me.data) return <Navigate to="/login" replace />;
  const first = me.data.memberships[0];
  if (first) return <Navigate to={workspacePath(first.workspaceId)} replace />;
  return <NoWorkspace />;
}

/** Signed in but in no workspace (left them all): create one, or sign out. */
function NoWorkspace() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <AuthLayout title={t('workspaces.noneTitle')} subtitle={t('workspaces.noneBody')}>
      <CreateWorkspaceForm
        onCreated={(workspace) => void navigate(workspacePath(workspace.id), { replace: true })}
        secondaryAction={
          <Button
            variant="ghost"
            pending={logout.isPending}
            onClick={() => logout.mutate()}
            data-testid="sign-out"
          >
            {t('header.signOut')}
          </Button>
        }
      />
    </AuthLayout>
  );
}
